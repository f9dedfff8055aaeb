using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>What a quick fix that writes the team glossary does.</summary>
public enum TeamGlossaryChange
{
    /// <summary>Adds a spelling to an entry's aliases.</summary>
    AcceptSpelling,

    /// <summary>Sets <c>disabled: true</c> for an entry.</summary>
    Disable,

    /// <summary>Adds a stub entry for a term the glossary does not know.</summary>
    AddTerm,
}

/// <summary>A term that a finding says the glossary lacks (an unknown acronym): where it is, and the term.</summary>
public sealed record UnknownTerm(TextSpan Span, string Term);

/// <summary>
/// A quick fix that writes the team glossary: its title, what it changes (<paramref name="Subject"/> is the entry's id,
/// or the new term for <see cref="TeamGlossaryChange.AddTerm"/>; <paramref name="Spelling"/> the accepted spelling), the
/// edit of the file, and the findings it clears.
/// </summary>
public sealed record TeamGlossaryAction(string Title, TeamGlossaryChange Change, string Subject, string? Spelling, TeamGlossaryEdit Edit,
    IReadOnlyList<GlossaryDiagnostic> Fixes, TextSpan? UnknownSpan = null);

/// <summary>
/// The quick fixes of a range that write the team glossary: "Accept 'X' as a spelling of Y" on a wrong spelling,
/// "Disable Y in this project" on a finding or a term, and "Add 'ABC' to the team glossary" on an unknown term. Each
/// carries its edit of the file (<see cref="TeamGlossaryEdits"/>); one the file cannot take is left out.
/// </summary>
public static class TeamGlossaryActions
{
    /// <summary>The code of the findings of terms the glossary lacks (the unknown-acronym rule's), which get "Add to the team glossary".</summary>
    public const string UnknownTermCode = UnknownAcronyms.Code;

    /// <summary>At most this many entries are offered to disable, and spellings to accept, for one range.</summary>
    public const int MaxPerKind = 3;

    public static List<TeamGlossaryAction> Compute(DocumentAnalysis analysis, IReadOnlyList<GlossaryDiagnostic> diagnostics, TextSpan range,
        IReadOnlyList<UnknownTerm> unknownTerms, TeamGlossaryFile file, Glossary.Glossary glossary)
    {
        var actions = new List<TeamGlossaryAction>();
        var accepted = new HashSet<(string, string)>();
        var disabled = new List<(GlossaryEntry Entry, List<GlossaryDiagnostic> Fixes)>();

        foreach (var diagnostic in diagnostics)
        {
            if (!Touches(diagnostic.Span, range) || diagnostic.Code != Diagnostics.WrongVariantCode) continue;
            if (analysis.MatchAt(diagnostic.Span.Start)?.Entry is not { } entry) continue;
            if (accepted.Count < MaxPerKind && accepted.Add((entry.Id, diagnostic.Found))
                && Build(TeamGlossaryChange.AcceptSpelling, entry.Id, diagnostic.Found, file, glossary) is { } accept)
            {
                actions.Add(accept with { Fixes = [diagnostic] });
            }
            if (disabled.FirstOrDefault(d => d.Entry.Id == entry.Id) is { Entry: not null } known) known.Fixes.Add(diagnostic);
            else disabled.Add((entry, [diagnostic]));
        }
        foreach (var match in analysis.Matches)
        {
            if (match.Span.Start > range.End) break;
            if (Touches(match.Span, range) && disabled.All(d => d.Entry.Id != match.Entry.Id)) disabled.Add((match.Entry, []));
        }
        foreach (var (entry, fixes) in disabled.Take(MaxPerKind))
        {
            if (Build(TeamGlossaryChange.Disable, entry.Id, null, file, glossary) is { } disable) actions.Add(disable with { Fixes = fixes });
        }
        foreach (var unknown in unknownTerms.Where(u => Touches(u.Span, range)).DistinctBy(u => u.Term).Take(MaxPerKind))
        {
            if (Build(TeamGlossaryChange.AddTerm, unknown.Term, null, file, glossary) is { } add) actions.Add(add with { UnknownSpan = unknown.Span });
        }
        return actions;
    }

    /// <summary>One action, built on the file and glossary as they are now (also when a Command runs it); null when it cannot be made.</summary>
    public static TeamGlossaryAction? Build(TeamGlossaryChange change, string subject, string? spelling, TeamGlossaryFile file, Glossary.Glossary glossary)
    {
        // A Command's arguments come back from the client: no term or spelling is longer than a rename's new name.
        if (subject.Length > Rename.MaxNameLength || spelling?.Length > Rename.MaxNameLength) return null;
        switch (change)
        {
            case TeamGlossaryChange.AcceptSpelling when spelling is not null && glossary.Find(subject) is { } entry:
                return TeamGlossaryEdits.AcceptSpelling(file, entry, spelling) is { } accept
                    ? new($"Accept '{spelling}' as a spelling of {entry.Term}", change, subject, spelling, accept, [])
                    : null;
            case TeamGlossaryChange.Disable when glossary.Find(subject) is { } entry:
                return TeamGlossaryEdits.Disable(file, entry.Id) is { } disable
                    ? new($"Disable {entry.Term} in this project", change, subject, null, disable, [])
                    : null;
            case TeamGlossaryChange.AddTerm:
                return TeamGlossaryEdits.AddTerm(file, subject, glossary) is { } add
                    ? new($"Add '{subject}' to the team glossary", change, subject, null, add, [])
                    : null;
            default:
                return null;
        }
    }

    private static bool Touches(TextSpan span, TextSpan range) => CodeActions.Touches(span, range);
}
