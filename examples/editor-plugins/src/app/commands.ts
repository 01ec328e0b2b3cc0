/**
 * The command registry: the editor's own commands (`file.save`, `edit.undo`, …) and the commands
 * plugins contribute in their manifests, which the host runs in the plugin's sandbox.
 */

export interface CommandInfo {
  readonly id: string;
  readonly title: string;
  /** `editor`, or the id of the plugin that contributes it. */
  readonly owner: string;
}

export type CommandHandler = (...args: unknown[]) => unknown;

export class CommandRegistry {
  readonly #commands = new Map<string, CommandInfo & { readonly run: CommandHandler }>();

  register(id: string, title: string, owner: string, run: CommandHandler): void {
    if (this.#commands.has(id)) {
      const other = this.#commands.get(id)?.owner;
      throw new Error(`command "${id}" is already registered by ${other}`);
    }
    this.#commands.set(id, { id, title, owner, run });
  }

  /** Removes every command of `owner` (a plugin that was unloaded). */
  removeOwner(owner: string): void {
    for (const [id, command] of this.#commands) {
      if (command.owner === owner) this.#commands.delete(id);
    }
  }

  get(id: string): (CommandInfo & { readonly run: CommandHandler }) | undefined {
    return this.#commands.get(id);
  }

  list(): CommandInfo[] {
    return [...this.#commands.values()]
      .map(({ id, title, owner }) => ({ id, title, owner }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}
