using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// The glossary entry a cross-file request is about: the term under the cursor in a document, or the entry whose
/// mapping holds the cursor in an open glossary file (references and rename work on both).
/// </summary>
internal static class EntryLookup
{
    /// <summary>The entry, and the span of its text under the cursor (the term, or the entry's <c>term:</c> value).</summary>
    public sealed record Found(GlossaryEntry Entry, TextSpan Span, LineMap Lines);

    public static async Task<Found?> AtAsync(ServerState state, TextDocument document, Position position, TermMatcher matcher, CancellationToken cancellationToken)
    {
        if (Protocol.Convert.ToPath(document.Uri) is { } path && state.Glossary.IsGlossaryFile(path))
        {
            if (Protocol.Convert.ToOffset(document.Lines, position) is not { } at) return null;
            if (References.EntryInGlossaryFile(document.Text, path, at) is not { } written) return null;
            var entry = matcher.Glossary.Find(written.Id) ?? written;
            return new Found(entry, written.NameSpan ?? new TextSpan(at, 0), document.Lines);
        }
        if (!state.SettingsFor(document.Uri).IsLanguageEnabled(document.LanguageId)) return null;
        var analysis = await state.Analyses.GetAsync(document, matcher, cancellationToken).ConfigureAwait(false);
        if (Protocol.Convert.ToOffset(analysis.Document.Lines, position) is not { } offset || analysis.MatchAt(offset) is not { } match) return null;
        return new Found(match.Entry, match.Span, analysis.Document.Lines);
    }

    /// <summary>The URI of a file of the index or an open document (<see cref="Core.Workspace.FileTerms.Key"/>: a path, or a URI).</summary>
    public static string UriOf(string key, IReadOnlyDictionary<string, string> openUris) =>
        openUris.TryGetValue(key, out var uri) ? uri : Path.IsPathRooted(key) ? Protocol.Convert.ToUri(key) : key;

    /// <summary>The open documents' URIs by the key their uses carry (their path, or the URI itself).</summary>
    public static Dictionary<string, string> OpenUris(ServerState state) =>
        state.Documents.All().GroupBy(d => Protocol.Convert.ToPath(d.Uri) ?? d.Uri, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Uri, StringComparer.Ordinal);
}
