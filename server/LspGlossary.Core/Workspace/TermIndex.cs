using System.Collections.Immutable;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Workspace;

/// <summary>
/// One use of a glossary entry in a file: where (0-based line, UTF-16 character, as LSP counts), how it is written
/// (<see cref="Kind"/>), and whether its text is exactly the entry's term (what a rename rewrites).
/// </summary>
public readonly record struct TermUse(string EntryId, int Line, int Character, int EndLine, int EndCharacter, MatchKind Kind, bool IsExactTerm)
{
    public bool IsWrongSpelling => Kind is MatchKind.Variant or MatchKind.CaseVariant;
}

/// <summary>The uses of glossary entries in one file or open document, in text order. <see cref="Key"/> is a path, or a URI for a document without one.</summary>
public sealed record FileTerms(string Key, string LanguageId, IReadOnlyList<TermUse> Uses)
{
    /// <summary>
    /// The uses an analysis found: every match but those inside identifiers (<c>lora_alpha</c>), which are code
    /// names, not the term.
    /// </summary>
    public static FileTerms Of(string key, DocumentAnalysis analysis)
    {
        var lines = analysis.Document.Lines;
        string text = analysis.Document.Text;
        var uses = new List<TermUse>(analysis.Matches.Count);
        foreach (var match in analysis.Matches)
        {
            if (match.InIdentifier) continue;
            var (line, character) = lines.PositionOf(match.Span.Start);
            var (endLine, endCharacter) = lines.PositionOf(match.Span.End);
            bool exact = match.Span.Length == match.Entry.Term.Length
                && text.AsSpan(match.Span.Start, match.Span.Length).SequenceEqual(match.Entry.Term);
            uses.Add(new TermUse(match.Entry.Id, line, character, endLine, endCharacter, match.Kind, exact));
        }
        return new FileTerms(key, analysis.Document.LanguageId, uses);
    }
}

/// <summary>
/// Every use of every glossary entry in a workspace's files, keyed by path. Immutable: the indexer makes a new index
/// for each change (one file replaced, or a whole new build) and swaps it in, so a reader's snapshot never changes
/// under it.
/// </summary>
public sealed class TermIndex
{
    public static readonly TermIndex Empty = new(ImmutableDictionary.Create<string, FileTerms>(StringComparer.Ordinal));

    private TermIndex(ImmutableDictionary<string, FileTerms> files) => Files = files;

    public ImmutableDictionary<string, FileTerms> Files { get; }

    public TermIndex With(FileTerms file) => new(Files.SetItem(file.Key, file));

    public TermIndex Without(string key) => Files.ContainsKey(key) ? new(Files.Remove(key)) : this;

    public static TermIndex Of(IEnumerable<FileTerms> files) =>
        new(files.ToImmutableDictionary(f => f.Key, StringComparer.Ordinal));

    /// <summary>The number of uses in all files.</summary>
    public int UseCount => Files.Values.Sum(f => f.Uses.Count);
}

/// <summary>
/// Builds a <see cref="TermIndex"/> from a workspace: every file of a language we serve (Markdown and code comments;
/// notebooks are left out) under the folders, read with the file size limit and analysed like an open document.
/// </summary>
public static class TermIndexBuilder
{
    /// <summary>Files larger than this are left out of the index (an open one is still searched, from the editor).</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The index stops reading after this many bytes in all.</summary>
    public const long MaxTotalBytes = 512L * 1024 * 1024;

    /// <summary>What a build did: files indexed, files passed over, and whether a bound stopped it.</summary>
    public sealed record BuildReport(int FilesIndexed, int FilesSkipped, bool Truncated);

    /// <summary>The files of the folders that the index reads, in walk order (served languages only).</summary>
    public static IEnumerable<string> IndexedFiles(IWorkspace workspace, IReadOnlyList<string> folders, CancellationToken cancellationToken) =>
        folders.SelectMany(folder => workspace.ListFiles(folder, WalkLimits.Workspace, cancellationToken)).Where(IsIndexed).Distinct(StringComparer.Ordinal);

    /// <summary>True for a file of a language the index reads.</summary>
    public static bool IsIndexed(string path) => Languages.ForPath(path) is { } id && id != Languages.NotebookLanguageId;

    /// <summary>
    /// Reads and analyses every file; <paramref name="progress"/> gets (files done, files in all) now and then.
    /// Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static (TermIndex Index, BuildReport Report) Build(IWorkspace workspace, IReadOnlyList<string> folders, TermMatcher matcher,
        Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var paths = IndexedFiles(workspace, folders, cancellationToken).ToList();
        var files = new List<FileTerms>(paths.Count);
        long total = 0;
        int skipped = 0;
        bool truncated = false;
        for (int i = 0; i < paths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Analyse(workspace, paths[i], matcher, cancellationToken) is { } file)
            {
                files.Add(file.Terms);
                total += file.Length;
            }
            else skipped++;
            if (total > MaxTotalBytes)
            {
                truncated = true;
                skipped += paths.Count - i - 1;
                break;
            }
            progress?.Invoke(i + 1, paths.Count);
        }
        return (TermIndex.Of(files), new BuildReport(files.Count, skipped, truncated));
    }

    /// <summary>The uses in one file on disk, or null when it is not read (missing, too large, not a regular file, not served).</summary>
    public static (FileTerms Terms, int Length)? Analyse(IWorkspace workspace, string path, TermMatcher matcher, CancellationToken cancellationToken)
    {
        if (Languages.ForPath(path) is not { } languageId || languageId == Languages.NotebookLanguageId) return null;
        var read = workspace.Read(path, MaxFileBytes);
        if (!read.IsOk) return null;
        var document = new TextDocument(FileUri.FromPath(path), languageId, 0, read.Text!);
        var analysis = DocumentAnalysis.Analyze(document, matcher, cancellationToken);
        return (FileTerms.Of(path, analysis), read.Text!.Length);
    }
}
