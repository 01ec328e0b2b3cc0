/**
 * The harness side of an engine process: forks it on first use, sends one request at a time,
 * and turns a crash or a timeout into an error reply (killing the process; the next request
 * starts a fresh one).
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Reply, Request } from "./protocol.js";

const ENTRY = fileURLToPath(new URL("./engine-process.js", import.meta.url));

interface Pending {
  resolve(reply: Reply): void;
  timer: NodeJS.Timeout;
}

export class EngineClient {
  private child: ChildProcess | undefined;
  private pending: Pending | undefined;

  constructor(readonly engineId: string) {}

  private spawn(): ChildProcess {
    const child = fork(ENTRY, [this.engineId], {
      execArgv: ["--expose-gc"],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (reply: Reply) => this.settle(reply));
    child.on("exit", (code, signal) => {
      if (this.child === child) this.child = undefined;
      this.settle({
        type: "error",
        message: `engine process exited (${signal ?? `code ${code}`})`,
      });
    });
    return child;
  }

  private settle(reply: Reply): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(reply);
  }

  request(request: Request, timeoutMs: number): Promise<Reply> {
    if (this.pending) throw new Error("one request at a time");
    this.child ??= this.spawn();
    const child = this.child;
    return new Promise<Reply>((resolve) => {
      const timer = setTimeout(() => {
        this.settle({ type: "error", message: `timed out after ${timeoutMs / 1000} s` });
        this.kill(child);
      }, timeoutMs);
      this.pending = { resolve, timer };
      child.send(request);
    });
  }

  private kill(child: ChildProcess): void {
    if (this.child === child) this.child = undefined;
    child.kill("SIGKILL");
  }

  /** Lets the process exit on its own (it exits when the channel closes). */
  close(): void {
    const child = this.child;
    this.child = undefined;
    if (child?.connected) child.disconnect();
  }
}
