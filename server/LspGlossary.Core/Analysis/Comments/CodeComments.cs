using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>
/// Finds the comments in source code, given the <see cref="CommentSyntax"/> of its language. The lexer makes
/// one linear pass without regular expressions and allocates only per comment, per string with holes, and
/// per here-document. It knows just enough about string and character literals to ignore comment markers
/// inside them; everything else in the code is skipped. It never throws on any input: an unterminated
/// literal or comment simply runs to the end of the text. The only exception is
/// <see cref="OperationCanceledException"/> when the token is cancelled.
/// </summary>
public static partial class CodeComments
{
    /// <summary>How many characters the lexer reads between two looks at the cancellation token.</summary>
    private const int CancellationCheckInterval = 64 * 1024;

    /// <summary>The longest quoted here-document word looked for; longer ones are not here-documents.</summary>
    private const int MaxHeredocWordLength = 256;

    /// <summary>The longest YAML tag or anchor looked back over before a quote.</summary>
    private const int MaxYamlPropertyLength = 256;

    /// <summary>
    /// Returns the comment contents of <paramref name="text"/> as searchable spans (without the comment
    /// delimiters), and the spans silenced by <c>glossary-disable-next-line</c>, <c>glossary-disable</c> and
    /// <c>glossary-enable</c> comments (<see cref="Directives"/>).
    /// </summary>
    public static DocumentRegions Analyze(string text, CommentSyntax syntax, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(text) || syntax is null) return DocumentRegions.Empty;
        var lexer = new Lexer(text, syntax, cancellationToken);
        lexer.Run();
        return lexer.BuildRegions();
    }

    /// <summary>What the lexer is inside of.</summary>
    private enum FrameKind : byte
    {
        /// <summary>Code: the whole document, or the code inside a string's hole.</summary>
        Code,

        /// <summary>The format spec after <c>:</c> in a C# or Python hole, such as <c>{x:#010x}</c>.</summary>
        FormatSpec,

        /// <summary>A string literal.</summary>
        String,
    }

    /// <summary>
    /// One level of the lexer's stack. The bottom frame is the document's code; a string with holes pushes a
    /// string frame, and each hole pushes a code frame on top of it. Only the fields of the frame's kind are used.
    /// </summary>
    private struct Frame
    {
        public FrameKind Kind;

        // ----- Code and format-spec frames -----

        /// <summary>How many brackets are open inside the hole; the hole closes only at depth zero.</summary>
        public int Depth;

        /// <summary>The character that closes the hole (<c>}</c> or <c>)</c>), or <c>'\0'</c> for the document.</summary>
        public char Closer;

        /// <summary>How many closers close the hole (two for a C# <c>$$"""</c> string).</summary>
        public int CloserCount;

        /// <summary>True when <c>:</c> at depth zero starts a format spec (C#, Python).</summary>
        public bool FormatSpecAllowed;

        // ----- String frames -----

        /// <summary>The quote that closes the string.</summary>
        public char Quote;

        /// <summary>How many quotes close the string: 1, 3, or more for a C# raw string.</summary>
        public int QuoteCount;

        /// <summary>How many <c>#</c> must follow the closing quotes (Rust and Swift raw strings).</summary>
        public int Hashes;

        /// <summary>The escape character, or <c>'\0'</c> when the string has no escapes.</summary>
        public char Escape;

        /// <summary>True when a line break does not end the string.</summary>
        public bool Multiline;

        /// <summary>The holes of the string.</summary>
        public InterpolationStyle Interpolation;

        /// <summary>
        /// For C# and Python: 0 when <c>{</c> is plain text; 1 when <c>{</c> opens a hole and <c>{{</c> is
        /// text; n for a C# raw string with n dollars, where a run of n braces opens a hole.
        /// </summary>
        public int BraceCount;

        /// <summary>True for a PowerShell here-string, closed by the quote and <c>@</c> at the start of a line.</summary>
        public bool HereString;

        /// <summary>True when a doubled quote (<c>''</c> in SQL, <c>""</c> in C# verbatim strings) is text, not the end.</summary>
        public bool DoubledQuoteEscapes;

        /// <summary>True for a Python string that may be a docstring, and so a comment.</summary>
        public bool Docstring;

        /// <summary>Where the string's first delimiter (or prefix) starts.</summary>
        public int FullStart;

        /// <summary>Where the string's content starts.</summary>
        public int ContentStart;
    }

    /// <summary>A here-document whose body starts on the next line.</summary>
    private readonly record struct PendingHeredoc(int WordStart, int WordLength, bool AllowIndent, bool IndentWithSpaces);

    private sealed partial class Lexer
    {
        private readonly string _text;
        private readonly int _length;
        private readonly CommentSyntax _syntax;
        private readonly CancellationToken _cancellationToken;
        private readonly List<TextSpan> _searchable = [];
        private readonly List<Directive> _directives = [];

        private Frame[] _frames = new Frame[8];
        private int _frameCount;
        private int _pos;
        private int _nextCancellationCheck;

        // Python docstrings: a docstring is a string that is the first token of a logical line.
        private bool _atLogicalLineStart = true;
        private int _firstTokenStart = -1;

        // Regular expression and percent literals are only recognised where a value is expected.
        private bool _lastTokenIsValue;
        private int _regexFailedUntil;

        // Here-documents and YAML block scalars are skipped at the next line break in code.
        private List<PendingHeredoc>? _pendingHeredocs;
        private bool _heredocsDisabled;
        private int _pendingBlockScalarIndent = -1;

        public Lexer(string text, CommentSyntax syntax, CancellationToken cancellationToken)
        {
            _text = text;
            _length = text.Length;
            _syntax = syntax;
            _cancellationToken = cancellationToken;
        }

        // ===== Driver =====

        public void Run()
        {
            Push(new Frame { Kind = FrameKind.Code });
            while (_pos < _length)
            {
                if (_pos >= _nextCancellationCheck)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    _nextCancellationCheck = _pos + CancellationCheckInterval;
                }

                // Every step either consumes at least one character or pops a frame, so the loop ends.
                switch (_frames[_frameCount - 1].Kind)
                {
                    case FrameKind.Code:
                        CodeStep();
                        break;
                    case FrameKind.FormatSpec:
                        FormatSpecStep();
                        break;
                    default:
                        StringStep();
                        break;
                }
            }

            // An unterminated Python docstring is a comment that runs to the end of the text.
            for (int index = _frameCount - 1; index > 0; index--)
            {
                if (_frames[index].Kind == FrameKind.String && _frames[index].Docstring)
                {
                    AddComment(_frames[index].FullStart, _frames[index].ContentStart, _length, _length);
                }
            }
        }

        public DocumentRegions BuildRegions()
        {
            if (_directives.Count == 0) return new DocumentRegions(_searchable.ToArray(), []);
            var (off, termsOff) = Directives.Build(_text, _directives);
            return new DocumentRegions(_searchable.ToArray(), off.ToArray()) { TermsOff = termsOff };
        }

        // ===== Code =====

        private void CodeStep()
        {
            int index = _frameCount - 1;
            char c = _text[_pos];

            if (c == '\n' || c == '\r')
            {
                HandleNewline(index);
                return;
            }

            if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
            {
                _pos++;
                return;
            }

            // The end of a hole, or the start of its format spec.
            if (index > 0 && _frames[index].Depth == 0)
            {
                if (c == _frames[index].Closer)
                {
                    CloseHole(index);
                    return;
                }

                if (c == ':' && _frames[index].FormatSpecAllowed && Peek(1) != ':' && _text[_pos - 1] != ':')
                {
                    _frames[index].Kind = FrameKind.FormatSpec;
                    _pos++;
                    return;
                }
            }

            if (c == _syntax.CodeEscape && c != '\0')
            {
                // An escaped character, or a line continuation (also \ before \r\n).
                int skip = Peek(1) == '\r' && Peek(2) == '\n' ? 3 : 2;
                _pos = Math.Min(_pos + skip, _length);
                return;
            }

            if (TryComment(c)) return;

            if (index == 0 && _atLogicalLineStart)
            {
                _firstTokenStart = _pos;
                _atLogicalLineStart = false;
            }

            if (TryLiteral(c, index)) return;

            if (IsIdentifierStart(c))
            {
                ReadWord();
                return;
            }

            if (char.IsAsciiDigit(c))
            {
                ReadNumber();
                return;
            }

            switch (c)
            {
                case '(':
                case '[':
                case '{':
                    _frames[index].Depth++;
                    _lastTokenIsValue = false;
                    break;
                case ')':
                case ']':
                case '}':
                    if (_frames[index].Depth > 0) _frames[index].Depth--;
                    _lastTokenIsValue = true;
                    break;
                case ';':
                    // In Python a semicolon starts a new simple statement.
                    if (index == 0 && _frames[0].Depth == 0) _atLogicalLineStart = true;
                    _lastTokenIsValue = false;
                    break;
                default:
                    _lastTokenIsValue = false;
                    break;
            }

            _pos++;
        }

        private void HandleNewline(int index)
        {
            _pos += _text[_pos] == '\r' && Peek(1) == '\n' ? 2 : 1;

            // A line break outside brackets ends a Python logical line.
            if (index == 0 && _frames[0].Depth == 0) _atLogicalLineStart = true;

            if (_pendingHeredocs is { Count: > 0 }) SkipHeredocBodies();
            if (_pendingBlockScalarIndent >= 0) SkipBlockScalar();
        }

        private void CloseHole(int index)
        {
            char closer = _frames[index].Closer;
            int count = _frames[index].CloserCount;
            int i = _pos;
            for (int consumed = 0; consumed < count && i < _length && _text[i] == closer; consumed++) i++;
            _pos = i;
            _frameCount--;
            _lastTokenIsValue = false;
        }

        private void ReadWord()
        {
            int start = _pos;
            int end = start + 1;
            while (end < _length && IsIdentifierPart(_text[end])) end++;

            if (end < _length && TryPrefixedLiteral(start, end)) return;

            if (_syntax.Has(LiteralFeatures.EndMarker) && _text.AsSpan(start, end - start) is "__END__"
                && IsAtLineStart(start) && (end == _length || IsLineBreak(_text[end])))
            {
                // Everything after __END__ is data.
                _pos = _length;
                return;
            }

            _pos = end;
            _lastTokenIsValue = !IsKeywordBeforeExpression(_text.AsSpan(start, end - start));
        }

        private void ReadNumber()
        {
            bool separators = _syntax.Has(LiteralFeatures.DigitSeparators);
            int i = _pos + 1;
            while (i < _length)
            {
                char c = _text[i];
                if (IsIdentifierPart(c) || c == '.')
                {
                    i++;
                }
                else if (c == '\'' && separators && i + 1 < _length && char.IsAsciiLetterOrDigit(_text[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            _pos = i;
            _lastTokenIsValue = true;
        }

        // ===== Comments =====

        private bool TryComment(char c)
        {
            if (c == '=' && IsAtLineStart(_pos)
                && (_syntax.Has(LiteralFeatures.EmbeddedDocs) || _syntax.Has(LiteralFeatures.PerlPod))
                && TryEmbeddedDocument())
            {
                return true;
            }

            if (c == '-' && Peek(1) == '-' && _syntax.Has(LiteralFeatures.LuaLongBrackets)
                && TryOpenLongBracket(_pos + 2, out int level, out int contentStart))
            {
                int end = FindLongBracketClose(contentStart, level, out int closeStart);
                AddComment(_pos, contentStart, closeStart, end);
                _pos = end;
                return true;
            }

            string? blockStart = _syntax.BlockCommentStart;
            if (blockStart is not null && c == blockStart[0] && StartsWithAt(_pos, blockStart))
            {
                ScanBlockComment();
                return true;
            }

            var markers = _syntax.LineCommentMarkers;
            for (int m = 0; m < markers.Count; m++)
            {
                string marker = markers[m];
                if (c != marker[0] || !StartsWithAt(_pos, marker) || !LineCommentAllowedAt(_pos)) continue;
                if (marker == "#" && Peek(1) == '[' && _syntax.Has(LiteralFeatures.HashBracketIsCode)) continue;
                ScanLineComment(marker);
                return true;
            }

            return false;
        }

        private bool LineCommentAllowedAt(int pos)
        {
            if (pos == 0) return true;
            char previous = _text[pos - 1];
            switch (_syntax.LineCommentPlacement)
            {
                case LineCommentPlacement.WordStart:
                    return char.IsWhiteSpace(previous) || _syntax.WordSeparators.Contains(previous);
                case LineCommentPlacement.AfterWhitespace:
                    return previous is ' ' or '\t' or '\n' or '\r';
                case LineCommentPlacement.LineStart:
                    int i = pos - 1;
                    while (i >= 0 && _text[i] is ' ' or '\t') i--;
                    return i < 0 || IsLineBreak(_text[i]);
                default:
                    return true;
            }
        }

        private void ScanLineComment(string marker)
        {
            int fullStart = _pos;
            int contentStart = _pos + marker.Length;

            // Extra marker characters (///, ####, ---) and Rust's //! are part of the delimiter.
            char last = marker[^1];
            while (contentStart < _length && _text[contentStart] == last) contentStart++;
            if (marker == "//" && _syntax.BangDocComments && contentStart < _length && _text[contentStart] == '!')
            {
                contentStart++;
            }

            int end = FindLineEnd(contentStart);
            if (_syntax.LineCommentsContinueWithBackslash)
            {
                while (end < _length && end > contentStart && _text[end - 1] == '\\')
                {
                    end = FindLineEnd(NextLineStart(end));
                }
            }

            AddComment(fullStart, contentStart, end, end);
            _pos = end;
        }

        private void ScanBlockComment()
        {
            string open = _syntax.BlockCommentStart!;
            string close = _syntax.BlockCommentEnd!;
            int fullStart = _pos;
            int contentStart = _pos + open.Length;

            // The extra star of /** and the bang of /*! belong to the delimiter; /**/ is an empty comment.
            if (open == "/*" && contentStart < _length)
            {
                char next = _text[contentStart];
                if ((next == '*' && Peek(3) != '/') || (next == '!' && _syntax.BangDocComments)) contentStart++;
            }

            int closeStart = _length;
            int end = _length;
            if (!_syntax.BlockCommentsNest)
            {
                int found = _text.IndexOf(close, contentStart, StringComparison.Ordinal);
                if (found >= 0)
                {
                    closeStart = found;
                    end = found + close.Length;
                }
            }
            else
            {
                int depth = 1;
                int i = contentStart;
                while (i < _length)
                {
                    if (StartsWithAt(i, close))
                    {
                        depth--;
                        if (depth == 0)
                        {
                            closeStart = i;
                            end = i + close.Length;
                            break;
                        }

                        i += close.Length;
                    }
                    else if (StartsWithAt(i, open))
                    {
                        depth++;
                        i += open.Length;
                    }
                    else
                    {
                        i++;
                    }
                }
            }

            AddComment(fullStart, contentStart, closeStart, end);
            _pos = end;
        }

        /// <summary>Ruby's <c>=begin</c> ... <c>=end</c> and Perl's <c>=pod</c> ... <c>=cut</c>, at the start of a line.</summary>
        private bool TryEmbeddedDocument()
        {
            string endMarker;
            int contentStart;
            if (_syntax.Has(LiteralFeatures.EmbeddedDocs) && StartsWithAt(_pos, "=begin") && IsWordEnd(_pos + 6))
            {
                endMarker = "=end";
                contentStart = _pos + 6;
            }
            else if (_syntax.Has(LiteralFeatures.PerlPod) && char.IsAsciiLetter(Peek(1)))
            {
                // The command word (=pod, =head1) is part of the delimiter; a heading's text is content.
                endMarker = "=cut";
                contentStart = _pos + 1;
                while (contentStart < _length && char.IsAsciiLetterOrDigit(_text[contentStart])) contentStart++;
            }
            else
            {
                return false;
            }

            int closeStart = _length;
            int end = _length;
            int line = NextLineStart(contentStart);
            while (line < _length)
            {
                if (StartsWithAt(line, endMarker) && IsWordEnd(line + endMarker.Length))
                {
                    closeStart = line;
                    end = FindLineEnd(line);
                    break;
                }

                line = NextLineStart(line);
            }

            AddComment(_pos, contentStart, closeStart, end);
            _pos = end;
            return true;
        }

        private void AddComment(int fullStart, int contentStart, int contentEnd, int fullEnd)
        {
            if (contentEnd <= contentStart) return;
            _searchable.Add(TextSpan.FromBounds(contentStart, contentEnd));

            Directives.Parse(_text.AsSpan(contentStart, contentEnd - contentStart), fullStart, fullEnd, _directives);
        }

        // ===== Helpers =====

        private void Push(Frame frame)
        {
            if (_frameCount == _frames.Length) Array.Resize(ref _frames, _frames.Length * 2);
            _frames[_frameCount++] = frame;
        }

        private char Peek(int offset)
        {
            int i = _pos + offset;
            return i < _length ? _text[i] : '\0';
        }

        private bool StartsWithAt(int pos, string value) =>
            pos + value.Length <= _length && _text.AsSpan(pos, value.Length).SequenceEqual(value);

        private int CountRun(int pos, char c, int max = int.MaxValue)
        {
            int i = pos;
            while (i < _length && _text[i] == c && i - pos < max) i++;
            return i - pos;
        }

        private bool IsRunAt(int pos, char c, int count) => pos + count <= _length && CountRun(pos, c, count) == count;

        private bool IsAtLineStart(int pos) => pos == 0 || IsLineBreak(_text[pos - 1]);

        private bool IsWordEnd(int pos) => pos >= _length || char.IsWhiteSpace(_text[pos]);

        private static bool IsLineBreak(char c) => c == '\n' || c == '\r';

        /// <summary>The index of the line break that ends the line containing <paramref name="pos"/>, or the text's length.</summary>
        private int FindLineEnd(int pos)
        {
            if (pos >= _length) return _length;
            int found = _text.AsSpan(pos).IndexOfAny('\n', '\r');
            return found < 0 ? _length : pos + found;
        }

        /// <summary>The start of the line after the one containing <paramref name="pos"/>, or the text's length.</summary>
        private int NextLineStart(int pos)
        {
            int end = FindLineEnd(pos);
            if (end >= _length) return _length;
            return _text[end] == '\r' && end + 1 < _length && _text[end + 1] == '\n' ? end + 2 : end + 1;
        }

        private bool TryOpenLongBracket(int pos, out int level, out int contentStart)
        {
            level = 0;
            contentStart = 0;
            if (pos >= _length || _text[pos] != '[') return false;
            int i = pos + 1;
            while (i < _length && _text[i] == '=') i++;
            if (i >= _length || _text[i] != '[') return false;
            level = i - pos - 1;
            contentStart = i + 1;
            return true;
        }

        /// <summary>Finds <c>]</c>, <paramref name="level"/> equals signs and <c>]</c>; returns the position after it.</summary>
        private int FindLongBracketClose(int from, int level, out int closeStart)
        {
            int i = from;
            while (i < _length)
            {
                int found = _text.IndexOf(']', i);
                if (found < 0) break;
                if (IsRunAt(found + 1, '=', level) && found + 1 + level < _length && _text[found + 1 + level] == ']')
                {
                    closeStart = found;
                    return found + level + 2;
                }

                i = found + 1;
            }

            closeStart = _length;
            return _length;
        }

        private static bool IsIdentifierStart(char c) =>
            char.IsAsciiLetter(c) || c == '_' || (c > 127 && char.IsLetter(c));

        private static bool IsIdentifierPart(char c) =>
            char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 127 && char.IsLetterOrDigit(c));

        /// <summary>Keywords after which a slash starts a regular expression rather than a division.</summary>
        private static bool IsKeywordBeforeExpression(ReadOnlySpan<char> word) => word is
            "return" or "typeof" or "instanceof" or "in" or "of" or "new" or "delete" or "void" or "throw" or
            "case" or "do" or "else" or "yield" or "await" or "if" or "elsif" or "unless" or "while" or "until" or
            "when" or "and" or "or" or "not" or "then";
    }
}
