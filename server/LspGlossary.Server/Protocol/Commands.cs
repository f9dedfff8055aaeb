namespace LspGlossary.Server.Protocol;

/// <summary>
/// The commands the server executes (workspace/executeCommand), announced in <c>executeCommandProvider</c>. Clients
/// without code action literals get code actions as these commands. The names differ from the VS Code extension's
/// own commands (<c>lspGlossary.fixAll</c>), which vscode-languageclient would otherwise register twice.
/// </summary>
public static class Commands
{
    /// <summary>Applies the edits in its argument (<see cref="FixCommandArguments"/>) if the document is still at that version.</summary>
    public const string Fix = "lspGlossary.server.fix";

    /// <summary>Fixes every wrong spelling in the document of its argument, computed when it runs.</summary>
    public const string FixAll = "lspGlossary.server.fixAll";

    /// <summary>
    /// Writes the team glossary (<see cref="TeamGlossaryCommandArguments"/>): the edit is made on the file as it is when
    /// the command runs, applied with workspace/applyEdit, and a new entry's definition is then shown where the client can.
    /// </summary>
    public const string TeamGlossary = "lspGlossary.server.teamGlossary";

    public static readonly IReadOnlyList<string> All = [Fix, FixAll, TeamGlossary];

    /// <summary>
    /// The command of a glossary entry's code lens (<see cref="ShowReferencesArguments"/>): a client command, not the
    /// server's (not in <see cref="All"/>). The VS Code extension opens the references view with it; other clients
    /// show the lens's count.
    /// </summary>
    public const string ShowReferences = "lspGlossary.showReferences";
}
