/**
 * A plugin's queue: its events, timers, commands and requests, run one at a time in order, so a
 * plugin never sees two deliveries at once, while each plugin's queue drains independently of the
 * others'. Bounded: when full, the declared overflow policy drops the oldest waiting task, drops
 * the new one, or asks the host to unload the plugin.
 */

import type { OverflowPolicy } from "../policy/host-policy.js";

export interface Task {
  /** What it is, for logs and errors: `event document.changed`, `timer 3`. */
  readonly label: string;
  /** Tasks that are not droppable (activation) jump the queue and never count as overflow. */
  readonly droppable: boolean;
  readonly run: () => Promise<unknown>;
  readonly settle: (outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void;
}

export interface QueueHooks {
  /** A task was dropped, by overflow or because the queue was cleared. */
  readonly dropped: (task: Task, why: "overflow" | "cleared") => void;
  /** The queue is full and the policy is `unload`. */
  readonly overflowUnload: () => void;
}

export class PluginQueue {
  private readonly waiting: Task[] = [];
  private running = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly capacity: number,
    private readonly overflow: OverflowPolicy,
    private readonly hooks: QueueHooks,
  ) {}

  get length(): number {
    return this.waiting.length;
  }

  /** Adds a task; returns false when it was not queued (queue closed or dropped as newest). */
  push(task: Task): boolean {
    if (this.closed) {
      this.hooks.dropped(task, "cleared");
      return false;
    }
    if (!task.droppable) {
      this.waiting.unshift(task);
    } else {
      const droppable = this.waiting.filter((t) => t.droppable).length;
      if (droppable >= this.capacity) {
        if (this.overflow === "drop-newest") {
          this.hooks.dropped(task, "overflow");
          return false;
        }
        if (this.overflow === "unload") {
          this.hooks.dropped(task, "overflow");
          this.hooks.overflowUnload();
          return false;
        }
        const oldest = this.waiting.findIndex((t) => t.droppable);
        const [dropped] = this.waiting.splice(oldest, 1);
        if (dropped) this.hooks.dropped(dropped, "overflow");
      }
      this.waiting.push(task);
    }
    if (!this.running) {
      // Never on the caller's stack: `host.emit` returns before any guest code runs.
      this.running = true;
      queueMicrotask(() => void this.drain());
    }
    return true;
  }

  /** Removes a waiting task (a cancelled request); false if it already started. */
  remove(task: Task): boolean {
    const at = this.waiting.indexOf(task);
    if (at < 0) return false;
    this.waiting.splice(at, 1);
    return true;
  }

  /** Drops every waiting task and refuses new ones. The running task, if any, finishes. */
  close(): void {
    this.closed = true;
    for (const task of this.waiting.splice(0)) this.hooks.dropped(task, "cleared");
  }

  /** Whether nothing is waiting or running now. */
  get isIdle(): boolean {
    return !this.running && this.waiting.length === 0;
  }

  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void> {
    if (!this.running && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    try {
      for (let task = this.waiting.shift(); task !== undefined; task = this.waiting.shift()) {
        try {
          task.settle({ ok: true, value: await task.run() });
        } catch (error) {
          task.settle({ ok: false, error });
        }
        // Let other plugins' queues and the application run between two tasks.
        await new Promise<void>((resolve) => yieldTurn(resolve));
      }
    } finally {
      this.running = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}

/** Node's `setImmediate` where there is one (no 1 ms clamp), a zero timeout elsewhere. */
export const yieldTurn: (callback: () => void) => void =
  typeof globalThis.setImmediate === "function"
    ? (callback) => globalThis.setImmediate(callback)
    : (callback) => setTimeout(callback, 0);
