// The status bar item shown while a served document is active: the number of terms the server loaded, and a
// warning state when a glossary file has errors (from the server's lspGlossary/status notification).
import * as vscode from 'vscode';

export interface GlossaryStatus { terms: number; errors: number; warnings: number; files?: string[] }

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lspGlossary.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly isServed: (document: vscode.TextDocument) => boolean) {
    this.item.name = 'LSP Glossary';
    this.item.command = 'lspGlossary.showOutput';
    this.starting();
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.updateVisibility()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('lspGlossary.languages')) this.updateVisibility(); }));
    this.updateVisibility();
  }

  starting(): void {
    this.set('$(sync~spin) Glossary', 'LSP Glossary: starting the language server', undefined);
  }

  running(): void {
    this.set('$(book) Glossary', 'LSP Glossary: the language server is running.\n\nClick to show the output.', undefined);
  }

  stopped(reason: string): void {
    this.set('$(error) Glossary', `LSP Glossary: ${reason}\n\nClick to show the output.`, 'statusBarItem.errorBackground');
  }

  update(status: GlossaryStatus): void {
    const terms = `${status.terms} terms`;
    const files = status.files?.length ? ` from ${status.files.length} glossary files` : '';
    if (status.errors > 0) {
      const problems = `${status.errors} error${status.errors === 1 ? '' : 's'}`;
      this.set(`$(warning) ${terms}, ${problems}`,
        `LSP Glossary: ${terms}${files}; the glossary files have ${problems} (see the Problems panel).`,
        'statusBarItem.warningBackground');
    } else {
      const warnings = status.warnings > 0 ? `, ${status.warnings} warnings in the glossary files` : '';
      this.set(`$(book) ${terms}`, `LSP Glossary: ${terms}${files}${warnings}.`, undefined);
    }
  }

  private set(text: string, tooltip: string, background: string | undefined): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
  }

  private updateVisibility(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (document && this.isServed(document)) this.item.show(); else this.item.hide();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
