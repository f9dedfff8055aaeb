// The language status item (the "{}" next to the language mode in the status bar, shown while a served document is
// active; its hover lists every extension's item, and a user can pin ours to the status bar): the number of terms
// the server loaded, and a warning when a glossary file has errors (from the server's lspGlossary/status
// notification), with a link that shows the output channel.
import * as vscode from 'vscode';

export interface GlossaryStatus { terms: number; errors: number; warnings: number; files?: string[] }

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('lspGlossary.status', selector);
    this.item.name = 'LSP Glossary';
    this.item.command = { title: 'Show Output', command: 'lspGlossary.showOutput', tooltip: 'Show the LSP Glossary output channel' };
    this.starting();
  }

  /** The documents the item shows for: the served languages (the lspGlossary.languages setting may narrow them). */
  set selector(selector: vscode.DocumentSelector) {
    this.item.selector = selector;
  }

  starting(): void {
    this.set('$(book) Glossary', 'LSP Glossary: starting the language server', vscode.LanguageStatusSeverity.Information, true);
  }

  running(): void {
    this.set('$(book) Glossary', 'LSP Glossary: the language server is running', vscode.LanguageStatusSeverity.Information);
  }

  stopped(reason: string): void {
    this.set('$(error) Glossary', `LSP Glossary: ${reason}`, vscode.LanguageStatusSeverity.Error);
  }

  update(status: GlossaryStatus): void {
    const terms = `${status.terms} terms`;
    const files = status.files?.length ? `, from ${status.files.length} glossary files` : '';
    if (status.errors > 0) {
      const problems = `${status.errors} error${status.errors === 1 ? '' : 's'}`;
      this.set(`$(warning) ${terms}, ${problems}`, `LSP Glossary${files}; the glossary files have ${problems} (see the Problems panel)`,
        vscode.LanguageStatusSeverity.Warning);
    } else {
      const warnings = status.warnings > 0 ? `; ${status.warnings} warnings in the glossary files` : '';
      this.set(`$(book) ${terms}`, `LSP Glossary${files}${warnings}`, vscode.LanguageStatusSeverity.Information);
    }
  }

  private set(text: string, detail: string, severity: vscode.LanguageStatusSeverity, busy = false): void {
    this.item.text = text;
    this.item.detail = detail;
    this.item.severity = severity;
    this.item.busy = busy;
    this.item.accessibilityInformation = { label: `${text.replace(/\$\([^)]*\)\s*/g, '')}. ${detail}` };
  }

  dispose(): void {
    this.item.dispose();
  }
}
