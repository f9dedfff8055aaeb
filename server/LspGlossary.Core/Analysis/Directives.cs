using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>The kinds of glossary directives.</summary>
public enum DirectiveKind
{
    DisableNextLine,
    Disable,
    Enable,
}

/// <summary>
/// A glossary directive: its kind, the span of the whole comment that holds it (from <c>&lt;!--</c> to
/// <c>--&gt;</c>, or from <c>#</c> to the end of the line), and the terms it names (empty: every term).
/// </summary>
public readonly record struct Directive(DirectiveKind Kind, int Start, int End, IReadOnlyList<string> Terms)
{
    public Directive Shifted(int offset) => this with { Start = Start + offset, End = End + offset };
}

/// <summary>
/// The one grammar of <c>glossary-disable…</c> directives, for HTML comments in Markdown and for code comments alike,
/// and the one function that turns directives into silenced spans (<see cref="Build"/>).
/// <para>
/// A directive is a line of a comment (its first line, or any line of a comment of several lines) that starts —
/// after white space and the decoration <c>* / ! # -</c> — with a keyword, in any case: <c>glossary-disable-next-line</c>,
/// <c>glossary-disable</c> or <c>glossary-enable</c>, followed by the end of the line, white space or <c>:</c>. After the
/// keyword come optional term names, separated by commas (<c>glossary-disable-next-line LoRA, KV cache</c>), then an
/// optional reason from the first <c>:</c> or <c>--</c> on (<c>glossary-disable-next-line: quoted</c>,
/// <c>glossary-disable LoRA -- the radio</c>), which is ignored. Without names a directive acts on every term; with names,
/// only on the findings of entries whose term, alias or variant equals a name (any case).
/// </para>
/// </summary>
public static class Directives
{
    /// <summary>Every keyword starts with this; a comment without it (any case) holds no directive.</summary>
    public const string Prefix = "glossary-";

    private static readonly (string Keyword, DirectiveKind Kind)[] Keywords =
    [
        ("glossary-disable-next-line", DirectiveKind.DisableNextLine),
        ("glossary-disable", DirectiveKind.Disable),
        ("glossary-enable", DirectiveKind.Enable),
    ];

    private const string Decoration = " \t\f\v*/!#-";

    /// <summary>Adds the directives in a comment's content (without its delimiters) to <paramref name="into"/>.</summary>
    public static void Parse(ReadOnlySpan<char> content, int commentStart, int commentEnd, List<Directive> into)
    {
        if (content.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase) < 0) return;
        while (true)
        {
            int lineBreak = content.IndexOfAny('\n', '\r');
            var line = lineBreak < 0 ? content : content[..lineBreak];
            if (TryParseLine(line, out var kind, out var terms)) into.Add(new Directive(kind, commentStart, commentEnd, terms));
            if (lineBreak < 0) return;
            content = content[(lineBreak + 1)..];
        }
    }

    /// <summary>Reads one line of a comment as a directive (see the grammar above).</summary>
    public static bool TryParseLine(ReadOnlySpan<char> line, out DirectiveKind kind, out IReadOnlyList<string> terms)
    {
        line = line.TrimStart(Decoration);
        foreach (var (keyword, candidate) in Keywords)
        {
            if (!line.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = line[keyword.Length..];
            if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]) && rest[0] != ':') break;
            kind = candidate;
            terms = ParseTerms(rest);
            return true;
        }
        kind = default;
        terms = [];
        return false;
    }

    private static IReadOnlyList<string> ParseTerms(ReadOnlySpan<char> rest)
    {
        int colon = rest.IndexOf(':');
        int dashes = rest.IndexOf("--", StringComparison.Ordinal);
        int reason = colon < 0 ? dashes : dashes < 0 ? colon : Math.Min(colon, dashes);
        if (reason >= 0) rest = rest[..reason];
        List<string>? terms = null;
        foreach (var range in rest.Split(','))
        {
            var name = rest[range].Trim(Decoration);
            if (name.IsEmpty) continue;
            (terms ??= []).Add(name.ToString());
        }
        return terms is null ? [] : terms;
    }

    /// <summary>
    /// Turns directives into silenced spans, added to <paramref name="all"/> (for directives without names) and to
    /// <paramref name="byTerm"/> (per name), which may already hold spans (those silenced inside fenced code blocks);
    /// then sorts and merges every list. "disable-next-line" silences the whole line after the line on which its comment
    /// ends. "disable" silences from the end of its comment to the start of the next "enable" comment of the same name
    /// (an "enable" without names ends every open "disable"), or to the end of the text; a second "disable" before an
    /// "enable" changes nothing, and an "enable" without a "disable" is ignored.
    /// </summary>
    public static (List<TextSpan> All, Dictionary<string, List<TextSpan>> ByTerm) Build(
        string text, List<Directive> directives, List<TextSpan>? all = null, Dictionary<string, List<TextSpan>>? byTerm = null)
    {
        all ??= [];
        byTerm ??= new Dictionary<string, List<TextSpan>>(StringComparer.OrdinalIgnoreCase);
        directives.Sort(static (a, b) => a.Start.CompareTo(b.Start));

        // Where the open "disable" of each name starts; the empty name is every term.
        var disabledFrom = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        List<TextSpan> SpansOf(string name)
        {
            if (name.Length == 0) return all;
            if (!byTerm.TryGetValue(name, out var spans)) byTerm[name] = spans = [];
            return spans;
        }
        void Close(string name, int from, int to)
        {
            if (to > from) SpansOf(name).Add(TextSpan.FromBounds(from, to));
        }

        foreach (var directive in directives)
        {
            IReadOnlyList<string> names = directive.Terms.Count == 0 ? [""] : directive.Terms;
            switch (directive.Kind)
            {
                case DirectiveKind.DisableNextLine:
                {
                    int start = NextLineStart(text, directive.End - 1);
                    int end = NextLineStart(text, start);
                    if (end > start) foreach (string name in names) SpansOf(name).Add(TextSpan.FromBounds(start, end));
                    break;
                }
                case DirectiveKind.Disable:
                    foreach (string name in names) disabledFrom.TryAdd(name, directive.End);
                    break;
                case DirectiveKind.Enable:
                    if (directive.Terms.Count == 0)
                    {
                        foreach (var (name, from) in disabledFrom) Close(name, from, directive.Start);
                        disabledFrom.Clear();
                    }
                    else
                    {
                        foreach (string name in names)
                        {
                            if (disabledFrom.Remove(name, out int from)) Close(name, from, directive.Start);
                        }
                    }
                    break;
            }
        }
        foreach (var (name, from) in disabledFrom) Close(name, from, text.Length);

        all = SpanIndex.SortAndMerge(all);
        foreach (string name in byTerm.Keys.ToList()) byTerm[name] = SpanIndex.SortAndMerge(byTerm[name]);
        return (all, byTerm);
    }

    /// <summary>Where the line after the one holding <paramref name="position"/> starts, or the text's length.</summary>
    private static int NextLineStart(string text, int position)
    {
        if (position < 0) position = 0;
        int lineBreak = position >= text.Length ? -1 : text.AsSpan(position).IndexOfAny('\n', '\r');
        if (lineBreak < 0) return text.Length;
        int end = position + lineBreak;
        return text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
    }
}
