/** Reads a saved usage report (`JSON.stringify(host.usage())`) back, checking its shape. */

import { HostError, messages } from "../errors.js";
import type { UsageReport } from "./usage-types.js";

export function parseUsageReport(text: string, file = "usage.json"): UsageReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HostError(
      "COVE_USAGE_FILE_INVALID",
      messages.usageFileInvalid(file, (error as Error).message),
    );
  }
  const report = value as Partial<UsageReport> | null;
  if (typeof report !== "object" || report === null || report.format !== "cove-usage/1") {
    throw new HostError(
      "COVE_USAGE_FILE_INVALID",
      messages.usageFileInvalid(file, 'no "format": "cove-usage/1"'),
    );
  }
  if (!Array.isArray(report.plugins)) {
    throw new HostError(
      "COVE_USAGE_FILE_INVALID",
      messages.usageFileInvalid(file, '"plugins" is not a list'),
    );
  }
  return report as UsageReport;
}

export function renderUsageJson(report: UsageReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
