// (r) Regular expressions, validation: 18000 lines (600 generated ones, 30 times, so that
// generating them is a small part of the run), each split into fields that are tested against
// an email-like pattern, an ISO date pattern and a semantic-version pattern.
// Stresses: anchored patterns with character-class loops that fail late, alternation, counted
// repeats, captures; RegExp.prototype.test and exec.
(() => {
  const names = ["john", "jane.doe", "a_b", "x+tag", "dev-ops", "root", "admin.team", "q"];
  const hosts = ["example", "mail-server", "test", "cove", "localhost", "sub.domain"];
  const tlds = ["com", "org", "co.uk", "dev", "io", ""];
  let seed = 777;
  const rand = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pad = (n) => (n < 10 ? `0${n}` : `${n}`);
  const lines = [];
  for (let i = 0; i < 600; i++) {
    let email =
      names[rand(names.length)] + (rand(5) === 0 ? "@@" : "@") + hosts[rand(hosts.length)];
    const tld = tlds[rand(tlds.length)];
    if (tld !== "") email += `.${tld}`;
    if (rand(11) === 0) email += " ";
    const date = `${1990 + rand(40)}-${pad(1 + rand(13))}-${pad(1 + rand(32))}`;
    const version = `${rand(4)}.${rand(20)}.${rand(10)}${rand(4) === 0 ? `-beta.${rand(5)}` : ""}`;
    lines.push(`${email},${date},${version},${names[rand(names.length)].repeat(1 + rand(3))}`);
  }

  const emailRe = /^[\w.+-]+@[\w-]+\.[\w.-]+$/;
  const dateRe = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
  const semverRe =
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$/;
  let emails = 0;
  let dates = 0;
  let versions = 0;
  let months = 0;
  let pre = 0;
  for (let i = 0; i < 30 * lines.length; i++) {
    const fields = lines[i % lines.length].split(/,/);
    if (emailRe.test(fields[0])) emails++;
    const d = dateRe.exec(fields[1]);
    if (d !== null) {
      dates++;
      months += +d[2];
    }
    const v = semverRe.exec(fields[2]);
    if (v !== null) {
      versions++;
      if (v[4] !== undefined) pre += v[4].length;
    }
  }
  return (emails * 1000003 + dates * 1009 + versions * 31 + months + pre) >>> 0;
})();
