using LspGlossary.Core.Text;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LspGlossary.Core.Analysis;

/// <summary>
/// Finds the prose in a Markdown document: the literal text of paragraphs, headings, list items, block quotes,
/// table cells, emphasis and link text; the text between the tags of HTML blocks (<see cref="HtmlText"/>); and the
/// comments of fenced code blocks whose info string names a language (<c>```python</c>, see
/// <see cref="Languages.CommentSyntaxForFence"/>). Code (the rest of fenced blocks, fenced blocks of other or no
/// language, indented blocks, inline code and inline <c>&lt;code&gt;</c>), URLs (autolinks, bare URLs, link and
/// image destinations, link reference definitions), HTML tags, attributes and comments, and YAML front matter are
/// left out. It also reads the <c>&lt;!-- glossary-disable… --&gt;</c> directives (<see cref="Analysis.Directives"/>), which silence diagnostics.
/// </summary>
public static class MarkdownRegions
{
    /// <summary>
    /// The one pipeline every call shares; Markdig pipelines are safe to use from several threads.
    /// Precise source locations give every inline its exact offsets in the text.
    /// </summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseYamlFrontMatter()
        .UseAutoLinks(new AutoLinkOptions
        {
            // "http://localhost:8000/lora" is common in documentation, and a URL often follows a quote.
            AllowDomainWithoutPeriod = true,
            ValidPreviousCharacters = "*_~(\"'",
        })
        .Build();

    /// <summary>
    /// The prose spans and directives (HTML comments) of one chunk, relative to the chunk's start. <see cref="SilencedInCode"/>
    /// and <see cref="TermsOffInCode"/> hold the spans silenced by <c>glossary-disable…</c> comments inside fenced code
    /// blocks (they act within their block).
    /// </summary>
    public sealed record ChunkRegions(IReadOnlyList<TextSpan> Searchable, IReadOnlyList<Directive> Directives)
    {
        public static readonly ChunkRegions Empty = new([], []);

        public IReadOnlyList<TextSpan> SilencedInCode { get; init; } = [];

        public IReadOnlyDictionary<string, List<TextSpan>> TermsOffInCode { get; init; } = new Dictionary<string, List<TextSpan>>();
    }

    /// <summary>Collects the directives and the spans silenced in fenced code of a document's chunks, then builds its regions.</summary>
    public sealed class SilencedBuilder
    {
        private readonly List<Directive> _directives = [];
        private readonly List<TextSpan> _silenced = [];
        private readonly Dictionary<string, List<TextSpan>> _termsOff = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Adds a chunk's directives and silenced spans, shifted by where the chunk starts.</summary>
        public void Add(ChunkRegions chunk, int offset)
        {
            foreach (var directive in chunk.Directives) _directives.Add(directive.Shifted(offset));
            foreach (var span in chunk.SilencedInCode) _silenced.Add(new TextSpan(span.Start + offset, span.Length));
            foreach (var (name, spans) in chunk.TermsOffInCode)
            {
                if (!_termsOff.TryGetValue(name, out var list)) _termsOff[name] = list = [];
                foreach (var span in spans) list.Add(new TextSpan(span.Start + offset, span.Length));
            }
        }

        /// <summary>The document's regions: <paramref name="searchable"/>, and every silenced span (<see cref="Analysis.Directives.Build"/>).</summary>
        public DocumentRegions Build(string text, IReadOnlyList<TextSpan> searchable)
        {
            var (off, termsOff) = Analysis.Directives.Build(text, _directives, _silenced, _termsOff);
            return new DocumentRegions(searchable, off) { TermsOff = termsOff };
        }
    }

    /// <summary>
    /// Parses one chunk once and walks it once. If Markdig itself fails, the chunk has no regions. The token
    /// is checked between top-level blocks.
    /// </summary>
    public static ChunkRegions AnalyzeChunk(string text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(text)) return ChunkRegions.Empty;

        cancellationToken.ThrowIfCancellationRequested();
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (Exception)
        {
            // Markdig throws, for example, an ArgumentException when elements are nested too deeply
            // (thousands of "&gt;" or "[" in a row). Such text has no useful prose to offer.
            return ChunkRegions.Empty;
        }

        var walker = new Walker(text);
        try
        {
            for (int i = 0; i < document.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                walker.VisitTopLevelBlock(document[i]);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The walk only reads Markdig's syntax tree; should that tree ever be inconsistent, we treat it
            // like a failed parse.
            return ChunkRegions.Empty;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ChunkRegions(SpanIndex.SortAndMerge(walker.Searchable), walker.Directives)
        {
            SilencedInCode = SpanIndex.SortAndMerge(walker.SilencedInCode),
            TermsOffInCode = walker.TermsOffInCode,
        };
    }

    /// <summary>
    /// Walks the syntax tree with explicit stacks instead of recursion, so that deeply nested quotes or lists
    /// cannot overflow the call stack. Children are pushed in reverse, so they are visited in document order.
    /// </summary>
    private sealed class Walker
    {
        private readonly string _text;
        private readonly Stack<Block> _blocks = new();
        private readonly Stack<Inline> _inlines = new();

        public Walker(string text)
        {
            _text = text;
        }

        public List<TextSpan> Searchable { get; } = new();

        public List<Directive> Directives { get; } = new();

        public List<TextSpan> SilencedInCode { get; } = new();

        public Dictionary<string, List<TextSpan>> TermsOffInCode { get; } = new(StringComparer.OrdinalIgnoreCase);

        public void VisitTopLevelBlock(Block topLevel)
        {
            _blocks.Clear();
            _blocks.Push(topLevel);
            while (_blocks.Count > 0)
            {
                var block = _blocks.Pop();
                switch (block)
                {
                    case ParagraphBlock paragraph:
                        VisitInlines(paragraph.Inline);
                        break;
                    case HeadingBlock heading:
                        VisitInlines(heading.Inline);
                        break;
                    case HtmlBlock html:
                        // The text between the tags is prose; the block may also hold control comments.
                        ScanForDirectives(block.Span);
                        AddHtmlText(html);
                        break;
                    case FencedCodeBlock fenced:
                        AddFencedComments(fenced);
                        break;
                    case LinkReferenceDefinitionGroup:
                        // Link reference definitions hold labels, URLs and titles, none of them prose.
                        break;
                    case ContainerBlock container:
                        // Lists, list items, quotes, tables, table rows and table cells.
                        for (int i = container.Count - 1; i >= 0; i--) _blocks.Push(container[i]);
                        break;
                    default:
                        // Indented code blocks, YAML front matter, thematic breaks, blank lines.
                        break;
                }
            }
        }

        private void VisitInlines(ContainerInline? root)
        {
            if (root is null) return;
            _inlines.Clear();
            PushChildren(root);
            // Inside inline <code>…</code> (or another raw text element of HtmlText) nothing is prose.
            string? rawElement = null;
            while (_inlines.Count > 0)
            {
                var inline = _inlines.Pop();
                switch (inline)
                {
                    case LiteralInline when rawElement is not null:
                        break;
                    case HtmlInline html when rawElement is not null:
                        if (HtmlText.IsClosingTag(html.Tag, rawElement)) rawElement = null;
                        break;
                    case LiteralInline:
                        AddSearchable(inline.Span);
                        break;
                    case LineBreakInline lineBreak:
                        // A line break inside a paragraph joins its lines into one region. A backslash hard
                        // break is left out, because its span holds the backslash.
                        if (!lineBreak.IsBackslash) AddLineBreak(inline.Span);
                        break;
                    case HtmlInline html:
                        ScanForDirectives(inline.Span);
                        rawElement = HtmlText.RawElementOpenedBy(html.Tag);
                        break;
                    case LinkInline link:
                        // The children of a link are its text (or an image's alt text); the destination and
                        // title are not children. A bare URL made into a link has the URL as its text.
                        if (!link.IsAutoLink) PushChildren(link);
                        break;
                    case ContainerInline container:
                        // Emphasis, and any delimiter Markdig left in place.
                        PushChildren(container);
                        break;
                    default:
                        // Inline code, autolinks in angle brackets, HTML entities.
                        break;
                }
            }
        }

        private void PushChildren(ContainerInline container)
        {
            for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
            {
                _inlines.Push(child);
            }
        }

        /// <summary>Adds a Markdig span (whose End is inclusive), clamped to the text; empty spans are skipped.</summary>
        private void AddSearchable(SourceSpan span)
        {
            if (TryConvert(span, out var converted)) Searchable.Add(converted);
        }

        private bool TryConvert(SourceSpan span, out TextSpan converted)
        {
            int start = Math.Max(0, span.Start);
            int end = Math.Min(_text.Length, span.End + 1);
            converted = default;
            if (end <= start) return false;
            converted = TextSpan.FromBounds(start, end);
            return true;
        }

        /// <summary>
        /// Adds a line break's span when it is only whitespace. Markdig's span of a "\r\n" break covers just
        /// the "\r", so it is extended over the "\n" to make the lines around it touch.
        /// </summary>
        private void AddLineBreak(SourceSpan span)
        {
            if (!TryConvert(span, out var converted)) return;
            for (int i = converted.Start; i < converted.End; i++)
            {
                if (!char.IsWhiteSpace(_text[i])) return;
            }
            int end = converted.End;
            if (_text[end - 1] == '\r' && end < _text.Length && _text[end] == '\n') end++;
            Searchable.Add(TextSpan.FromBounds(converted.Start, end));
        }

        /// <summary>The text between the tags of an HTML block (see <see cref="HtmlText"/>).</summary>
        private void AddHtmlText(HtmlBlock html)
        {
            if (BlockLines.Join(html, _text) is not { } lines) return;
            var spans = new List<TextSpan>();
            HtmlText.AddTextSpans(lines.Content, 0, lines.Content.Length, spans);
            lines.MapBack(spans, _text, Searchable);
        }

        /// <summary>
        /// The comments of a fenced code block whose info string names a language the comment lexer knows
        /// (<see cref="Languages.CommentSyntaxForFence"/>), and the spans their <c>glossary-disable…</c> comments silence;
        /// other blocks stay unsearched.
        /// </summary>
        private void AddFencedComments(FencedCodeBlock fenced)
        {
            if (Languages.CommentSyntaxForFence(fenced.Info) is not { } syntax || BlockLines.Join(fenced, _text) is not { } lines) return;
            var comments = CodeComments.Analyze(lines.Content, syntax);
            lines.MapBack(comments.Searchable, _text, Searchable);
            lines.MapBack(comments.DiagnosticsOff, _text, SilencedInCode);
            foreach (var (name, spans) in comments.TermsOff)
            {
                if (!TermsOffInCode.TryGetValue(name, out var target)) TermsOffInCode[name] = target = [];
                lines.MapBack(spans, _text, target);
            }
        }

        /// <summary>Finds every HTML comment inside the span and records its glossary directives.</summary>
        private void ScanForDirectives(SourceSpan span)
        {
            if (!TryConvert(span, out var region)) return;
            int position = region.Start;
            while (position < region.End)
            {
                int open = _text.AsSpan(position, region.End - position).IndexOf("<!--", StringComparison.Ordinal);
                if (open < 0) return;
                open += position;

                // As in CommonMark, "<!-->" and "<!--->" are complete (empty) comments, so the closing "-->"
                // is searched for from the second character after "<".
                int searchFrom = open + 2;
                int close = _text.AsSpan(searchFrom, region.End - searchFrom).IndexOf("-->", StringComparison.Ordinal);
                if (close < 0) return;
                close += searchFrom;

                int contentStart = open + 4;
                int contentEnd = Math.Max(contentStart, close);
                int commentEnd = close + 3;
                Analysis.Directives.Parse(_text.AsSpan(contentStart, contentEnd - contentStart), open, commentEnd, Directives);
                position = commentEnd;
            }
        }
    }

    /// <summary>
    /// A leaf block's lines as Markdig gives them (without a list's or quote's indentation and markers), joined with
    /// "\n" into <see cref="Content"/>, and where each line lies in the document, to move spans found in the content back.
    /// </summary>
    private sealed class BlockLines
    {
        public required string Content { get; init; }
        private int[] _contentStarts = [];
        private int[] _sourceStarts = [];
        private int[] _lengths = [];

        /// <summary>
        /// The joined lines, or null when the block has none or a line is not a piece of <paramref name="text"/> (Markdig
        /// copies a line whose tabs it expands; its positions would not be exact).
        /// </summary>
        public static BlockLines? Join(LeafBlock block, string text)
        {
            var lines = block.Lines;
            if (lines.Count == 0) return null;
            var contentStarts = new int[lines.Count];
            var sourceStarts = new int[lines.Count];
            var lengths = new int[lines.Count];
            var content = new System.Text.StringBuilder();
            for (int i = 0; i < lines.Count; i++)
            {
                var slice = lines.Lines[i].Slice;
                if (!ReferenceEquals(slice.Text, text) || slice.Start < 0 || slice.Length < 0 || slice.Start + slice.Length > text.Length) return null;
                contentStarts[i] = content.Length;
                sourceStarts[i] = slice.Start;
                lengths[i] = slice.Length;
                content.Append(text, slice.Start, slice.Length).Append('\n');
            }
            return new BlockLines { Content = content.ToString(), _contentStarts = contentStarts, _sourceStarts = sourceStarts, _lengths = lengths };
        }

        /// <summary>
        /// Adds each span of the content (sorted) to <paramref name="target"/> in document positions: cut at line ends,
        /// and a piece that goes on over a line break is extended over it when only white space lies between the lines in
        /// the document, so that a term across the break is still found.
        /// </summary>
        public void MapBack(IReadOnlyList<TextSpan> spans, string text, List<TextSpan> target)
        {
            int lineCount = _contentStarts.Length;
            int line = 0;
            foreach (var found in spans)
            {
                while (line < lineCount && _contentStarts[line] + _lengths[line] < found.Start) line++;
                for (int i = line; i < lineCount && _contentStarts[i] < found.End; i++)
                {
                    int lineEnd = _contentStarts[i] + _lengths[i];
                    int start = Math.Max(found.Start, _contentStarts[i]);
                    int end = Math.Min(found.End, lineEnd);
                    int sourceStart = _sourceStarts[i] + start - _contentStarts[i];
                    int sourceEnd = _sourceStarts[i] + end - _contentStarts[i];
                    bool goesOn = found.End > lineEnd + 1 && i + 1 < lineCount;
                    if (goesOn && text.AsSpan(sourceEnd, Math.Max(0, _sourceStarts[i + 1] - sourceEnd)).IsWhiteSpace())
                    {
                        sourceEnd = Math.Max(sourceEnd, _sourceStarts[i + 1]);
                    }
                    if (sourceEnd > sourceStart) target.Add(TextSpan.FromBounds(sourceStart, sourceEnd));
                }
            }
        }
    }
}
