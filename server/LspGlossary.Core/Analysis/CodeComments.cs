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
public static class CodeComments
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

    private sealed class Lexer
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

        // ===== Literals in code =====

        /// <summary>Starts or skips a literal that begins at the current character; false when there is none.</summary>
        private bool TryLiteral(char c, int index)
        {
            switch (c)
            {
                case '"': return TryDoubleQuote(index);
                case '\'': return TrySingleQuote(index);
                case '`': return TryBacktick();
                case '@': return TryAt();
                case '$': return TryDollar();
                case '#': return TrySwiftRawString();
                case '[': return TryLuaLongString();
                case '<': return TryAngle();
                case '/': return TryRegex();
                case '%': return TryPercentLiteral();
                case '?': return TryRubyCharacter();
                case '|':
                case '>':
                    NoteYamlBlockScalar();
                    return false;
                default: return false;
            }
        }

        private bool TryDoubleQuote(int index)
        {
            if (_syntax.Has(LiteralFeatures.CSharpStrings))
            {
                int run = CountRun(_pos, '"');
                if (run >= 3)
                {
                    PushString(_pos, _pos + run, new Frame { Quote = '"', QuoteCount = run, Multiline = true });
                }
                else
                {
                    PushString(_pos, _pos + 1, new Frame { Quote = '"', QuoteCount = 1, Escape = '\\' });
                }

                return true;
            }

            if (_syntax.Has(LiteralFeatures.PythonStrings))
            {
                StartPythonString(_pos, _pos, formatted: false, bytes: false, index);
                return true;
            }

            return StartQuoted('"', _syntax.DoubleQuotes, _syntax.Interpolation);
        }

        private bool TrySingleQuote(int index)
        {
            switch (_syntax.SingleQuotes)
            {
                case QuoteRule.CharLiteral:
                    ScanCharLiteral();
                    return true;
                case QuoteRule.CharOrLifetime:
                    ScanCharOrLifetime();
                    return true;
                case QuoteRule.Escaped or QuoteRule.Verbatim when _syntax.Has(LiteralFeatures.PythonStrings):
                    StartPythonString(_pos, _pos, formatted: false, bytes: false, index);
                    return true;
                default:
                    var holes = _syntax.SingleQuotesInterpolate ? _syntax.Interpolation : InterpolationStyle.None;
                    return StartQuoted('\'', _syntax.SingleQuotes, holes);
            }
        }

        /// <summary>Starts an ordinary (possibly tripled) string at the current quote, following the syntax's rules.</summary>
        private bool StartQuoted(char quote, QuoteRule rule, InterpolationStyle holes)
        {
            if (rule is not (QuoteRule.Escaped or QuoteRule.Verbatim)) return false;
            if (_syntax.Has(LiteralFeatures.YamlScalars) && !IsYamlNodeStart(_pos)) return false;

            bool triple = _syntax.TripleQuotes != TripleQuoteRule.None && CountRun(_pos, quote, 3) == 3;
            char escape = rule == QuoteRule.Escaped ? _syntax.StringEscape : '\0';
            if (triple && _syntax.TripleQuotes == TripleQuoteRule.Raw) escape = '\0';
            int quoteCount = triple ? 3 : 1;
            PushString(_pos, _pos + quoteCount, new Frame
            {
                Quote = quote,
                QuoteCount = quoteCount,
                Escape = escape,
                Multiline = triple || _syntax.QuotedStringsSpanLines,
                Interpolation = holes,
                DoubledQuoteEscapes = rule == QuoteRule.Verbatim && !triple,
            });
            return true;
        }

        private void StartPythonString(int fullStart, int quoteIndex, bool formatted, bool bytes, int index)
        {
            char quote = _text[quoteIndex];
            bool triple = CountRun(quoteIndex, quote, 3) == 3;
            int quoteCount = triple ? 3 : 1;
            PushString(fullStart, quoteIndex + quoteCount, new Frame
            {
                Quote = quote,
                QuoteCount = quoteCount,
                Escape = '\\',
                Multiline = triple,
                BraceCount = formatted ? 1 : 0,
                Docstring = triple && !formatted && !bytes && index == 0 && _firstTokenStart == fullStart,
            });
        }

        private bool TryBacktick()
        {
            var frame = _syntax.Backticks switch
            {
                BacktickRule.RawString => new Frame { Multiline = true },
                BacktickRule.TemplateLiteral => new Frame { Escape = '\\', Multiline = true, Interpolation = InterpolationStyle.DollarBrace },
                BacktickRule.InterpolatedString => new Frame { Escape = '\\', Multiline = true, Interpolation = InterpolationStyle.HashBrace },
                BacktickRule.EscapedString => new Frame { Escape = '\\', Multiline = true },
                BacktickRule.QuotedName => new Frame(),
                _ => (Frame?)null,
            };
            if (frame is not { } value) return false;

            value.Quote = '`';
            value.QuoteCount = 1;
            PushString(_pos, _pos + 1, value);
            return true;
        }

        private bool TryAt()
        {
            if (_syntax.Has(LiteralFeatures.CSharpStrings))
            {
                if (Peek(1) == '"')
                {
                    PushString(_pos, _pos + 2, new Frame { Quote = '"', QuoteCount = 1, Multiline = true, DoubledQuoteEscapes = true });
                    return true;
                }

                if (Peek(1) == '$' && Peek(2) == '"')
                {
                    PushString(_pos, _pos + 3, new Frame { Quote = '"', QuoteCount = 1, Multiline = true, BraceCount = 1, DoubledQuoteEscapes = true });
                    return true;
                }
            }

            if (_syntax.Has(LiteralFeatures.PowerShellHereStrings) && Peek(1) is '"' or '\'')
            {
                // A here-string opener must end its line.
                int i = _pos + 2;
                while (i < _length && _text[i] is ' ' or '\t') i++;
                if (i < _length && !IsLineBreak(_text[i])) return false;

                char quote = _text[_pos + 1];
                bool expandable = quote == '"';
                PushString(_pos, NextLineStart(i), new Frame
                {
                    Quote = quote,
                    QuoteCount = 1,
                    HereString = true,
                    Multiline = true,
                    Escape = expandable ? '`' : '\0',
                    Interpolation = expandable ? InterpolationStyle.DollarParen : InterpolationStyle.None,
                });
                return true;
            }

            return false;
        }

        private bool TryDollar()
        {
            if (_syntax.Has(LiteralFeatures.CSharpStrings))
            {
                int i = _pos;
                while (i < _length && _text[i] == '$') i++;
                int dollars = i - _pos;
                bool verbatim = false;
                if (i < _length && _text[i] == '@')
                {
                    verbatim = true;
                    i++;
                }

                if (i >= _length || _text[i] != '"')
                {
                    // Not a string: skip the whole run of dollars at once.
                    _pos += dollars;
                    _lastTokenIsValue = false;
                    return true;
                }

                int run = CountRun(i, '"');
                if (run >= 3 && !verbatim)
                {
                    PushString(_pos, i + run, new Frame { Quote = '"', QuoteCount = run, Multiline = true, BraceCount = dollars });
                }
                else
                {
                    PushString(_pos, i + 1, new Frame
                    {
                        Quote = '"',
                        QuoteCount = 1,
                        Escape = verbatim ? '\0' : '\\',
                        Multiline = verbatim,
                        BraceCount = 1,
                        DoubledQuoteEscapes = verbatim,
                    });
                }

                return true;
            }

            if (_syntax.Has(LiteralFeatures.DollarPunctuationVariables) && Peek(1) is '\'' or '"' or '`' or '#')
            {
                _pos += 2;
                _lastTokenIsValue = true;
                return true;
            }

            if (_syntax.Has(LiteralFeatures.ShellDollarQuotes) && Peek(1) == '\'')
            {
                PushString(_pos, _pos + 2, new Frame { Quote = '\'', QuoteCount = 1, Escape = '\\', Multiline = true });
                return true;
            }

            return false;
        }

        private bool TrySwiftRawString()
        {
            if (!_syntax.Has(LiteralFeatures.SwiftRawStrings)) return false;

            int i = _pos;
            while (i < _length && _text[i] == '#') i++;
            int hashes = i - _pos;
            if (i >= _length || _text[i] != '"')
            {
                // A directive such as #if: skip the whole run of hashes at once.
                _pos = i;
                _lastTokenIsValue = false;
                return true;
            }

            bool triple = CountRun(i, '"', 3) == 3;
            int quoteCount = triple ? 3 : 1;
            PushString(_pos, i + quoteCount, new Frame
            {
                Quote = '"',
                QuoteCount = quoteCount,
                Hashes = hashes,
                Escape = '\\',
                Multiline = triple,
                Interpolation = InterpolationStyle.BackslashParen,
            });
            return true;
        }

        private bool TryLuaLongString()
        {
            if (!_syntax.Has(LiteralFeatures.LuaLongBrackets)) return false;
            if (!TryOpenLongBracket(_pos, out int level, out int contentStart)) return false;
            _pos = FindLongBracketClose(contentStart, level, out _);
            _lastTokenIsValue = true;
            return true;
        }

        private bool TryAngle()
        {
            if (_syntax.Has(LiteralFeatures.XmlCData) && StartsWithAt(_pos, "<![CDATA["))
            {
                int found = _text.IndexOf("]]>", _pos + 9, StringComparison.Ordinal);
                _pos = found < 0 ? _length : found + 3;
                return true;
            }

            if (Peek(1) != '<' || _heredocsDisabled) return false;
            if (_syntax.Has(LiteralFeatures.ShellHeredocs)) return TryShellHeredoc();
            if (_syntax.Has(LiteralFeatures.RubyHeredocs)) return TryRubyHeredoc();
            return false;
        }

        private bool TryShellHeredoc()
        {
            // <<< is a here-string, and the second < of <<< is not an opener either.
            if (Peek(2) == '<' || (_pos > 0 && _text[_pos - 1] == '<')) return false;

            int i = _pos + 2;
            bool stripTabs = false;
            if (i < _length && _text[i] == '-')
            {
                stripTabs = true;
                i++;
            }

            while (i < _length && _text[i] is ' ' or '\t') i++;
            if (!TryReadHeredocWord(ref i, requireUpperCase: false, out int wordStart, out int wordEnd)) return false;

            AddPendingHeredoc(new PendingHeredoc(wordStart, wordEnd - wordStart, stripTabs, IndentWithSpaces: false));
            _pos = i;
            return true;
        }

        private bool TryRubyHeredoc()
        {
            int i = _pos + 2;
            bool allowIndent = false;
            if (i < _length && _text[i] is '~' or '-')
            {
                allowIndent = true;
                i++;
            }

            // A plain << needs an upper-case word, so that "array << value" stays an operator.
            if (!TryReadHeredocWord(ref i, requireUpperCase: !allowIndent, out int wordStart, out int wordEnd)) return false;

            AddPendingHeredoc(new PendingHeredoc(wordStart, wordEnd - wordStart, allowIndent, IndentWithSpaces: true));
            _pos = i;
            return true;
        }

        private bool TryReadHeredocWord(ref int i, bool requireUpperCase, out int wordStart, out int wordEnd)
        {
            wordStart = wordEnd = i;
            if (i >= _length) return false;

            char first = _text[i];
            if (first is '\'' or '"' or '`')
            {
                int j = i + 1;
                while (j < _length && _text[j] != first && !IsLineBreak(_text[j]) && j - i <= MaxHeredocWordLength) j++;
                if (j >= _length || _text[j] != first || j == i + 1) return false;
                wordStart = i + 1;
                wordEnd = j;
                i = j + 1;
                return true;
            }

            if (first == '\\' && !requireUpperCase) i++;
            if (i >= _length) return false;
            char start = _text[i];
            bool startOk = requireUpperCase ? char.IsAsciiLetterUpper(start) || start == '_' : char.IsAsciiLetter(start) || start == '_';
            if (!startOk) return false;

            wordStart = i;
            while (i < _length && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] == '_')) i++;
            wordEnd = i;
            return true;
        }

        private void AddPendingHeredoc(PendingHeredoc heredoc)
        {
            _pendingHeredocs ??= [];
            _pendingHeredocs.Add(heredoc);
            _lastTokenIsValue = true;
        }

        /// <summary>
        /// Skips the bodies of the here-documents opened on the line that just ended. When a terminator is
        /// missing, the opener was probably something else (a shift), so nothing is skipped and here-documents
        /// are no longer recognised; this also keeps the lexer linear.
        /// </summary>
        private void SkipHeredocBodies()
        {
            foreach (var heredoc in _pendingHeredocs!)
            {
                var word = _text.AsSpan(heredoc.WordStart, heredoc.WordLength);
                int line = _pos;
                int bodyEnd = -1;
                while (line < _length)
                {
                    int lineEnd = FindLineEnd(line);
                    int s = line;
                    if (heredoc.AllowIndent)
                    {
                        while (s < lineEnd && (_text[s] == '\t' || (heredoc.IndentWithSpaces && _text[s] == ' '))) s++;
                    }

                    if (_text.AsSpan(s, lineEnd - s).SequenceEqual(word))
                    {
                        bodyEnd = NextLineStart(lineEnd);
                        break;
                    }

                    line = NextLineStart(lineEnd);
                }

                if (bodyEnd < 0)
                {
                    _heredocsDisabled = true;
                    break;
                }

                _pos = bodyEnd;
            }

            _pendingHeredocs!.Clear();
        }

        private bool TryRegex()
        {
            if (!_syntax.Has(LiteralFeatures.RegexLiterals) || !ValueMayStartHere()) return false;

            // After a failed attempt, later slashes on the same line are divisions; this keeps long lines linear.
            if (_pos < _regexFailedUntil) return false;

            bool inClass = false;
            int i = _pos + 1;
            while (i < _length)
            {
                char c = _text[i];
                if (IsLineBreak(c)) break;
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == '[') inClass = true;
                else if (c == ']') inClass = false;
                else if (c == '/' && !inClass) break;
                i++;
            }

            if (i >= _length || _text[i] != '/')
            {
                _regexFailedUntil = FindLineEnd(_pos);
                return false;
            }

            _pos = i + 1;
            _lastTokenIsValue = true;
            return true;
        }

        private bool TryPercentLiteral()
        {
            if (!_syntax.Has(LiteralFeatures.RubyLiterals) || !ValueMayStartHere()) return false;

            int i = _pos + 1;
            if (i < _length && "qQwWiIrsx".Contains(_text[i])) i++;
            if (i >= _length) return false;

            char open = _text[i];
            if (char.IsAsciiLetterOrDigit(open) || char.IsWhiteSpace(open) || open == '=' || open > 127) return false;
            char close = open switch { '(' => ')', '[' => ']', '{' => '}', '<' => '>', _ => open };

            int depth = 1;
            int j = i + 1;
            while (j < _length)
            {
                char c = _text[j];
                if (c == '\\')
                {
                    j += 2;
                    continue;
                }

                if (c == close)
                {
                    depth--;
                    if (depth == 0) break;
                }
                else if (c == open)
                {
                    depth++;
                }

                j++;
            }

            _pos = Math.Min(j + 1, _length);
            _lastTokenIsValue = true;
            return true;
        }

        /// <summary>Ruby character literals such as <c>?"</c> or <c>?#</c>, which would otherwise look like a quote or a comment.</summary>
        private bool TryRubyCharacter()
        {
            if (!_syntax.Has(LiteralFeatures.RubyLiterals) || _lastTokenIsValue) return false;
            char next = Peek(1);
            if (next is '"' or '\'' or '`' or '#')
            {
                _pos += 2;
                _lastTokenIsValue = true;
                return true;
            }

            if (next == '\\')
            {
                _pos = Math.Min(_pos + 3, _length);
                _lastTokenIsValue = true;
                return true;
            }

            return false;
        }

        /// <summary>
        /// True when a literal may start at the current slash or percent sign: after an operator or keyword, or,
        /// in Ruby, in a command argument such as <c>puts /re/</c> (space before, none after).
        /// </summary>
        private bool ValueMayStartHere()
        {
            if (!_lastTokenIsValue) return true;
            if (!_syntax.Has(LiteralFeatures.RubyLiterals)) return false;
            char next = Peek(1);
            return _pos > 0 && _text[_pos - 1] is ' ' or '\t' && next is not (' ' or '\t' or '=' or '\n' or '\r');
        }

        private void ScanCharLiteral()
        {
            int i = _pos + 1;
            while (i < _length)
            {
                char c = _text[i];
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == '\'')
                {
                    i++;
                    break;
                }

                if (IsLineBreak(c)) break;
                i++;
            }

            _pos = Math.Min(i, _length);
            _lastTokenIsValue = true;
        }

        /// <summary>A character literal, or a Rust lifetime (<c>'a</c>) or Scala symbol, which only skips the quote.</summary>
        private void ScanCharOrLifetime()
        {
            char next = Peek(1);
            if (next == '\\')
            {
                ScanCharLiteral();
                return;
            }

            int after = char.IsHighSurrogate(next) ? _pos + 3 : _pos + 2;
            if (!IsLineBreak(next) && after < _length && _text[after] == '\'')
            {
                _pos = after + 1;
                _lastTokenIsValue = true;
                return;
            }

            _pos++;
        }

        /// <summary>Literals introduced by an identifier-like prefix, such as <c>r"..."</c> or <c>f'...'</c>.</summary>
        private bool TryPrefixedLiteral(int start, int end)
        {
            var word = _text.AsSpan(start, end - start);
            char next = _text[end];
            bool quote = next is '"' or '\'';

            if (quote && _syntax.Has(LiteralFeatures.PythonStrings) && TryParsePythonPrefix(word, out bool formatted, out bool bytes))
            {
                StartPythonString(start, end, formatted, bytes, _frameCount - 1);
                return true;
            }

            if (_syntax.Has(LiteralFeatures.RustRawStrings) && word is "r" or "br" or "cr" && next is '"' or '#')
            {
                int i = end;
                while (i < _length && _text[i] == '#') i++;
                if (i < _length && _text[i] == '"')
                {
                    PushString(start, i + 1, new Frame { Quote = '"', QuoteCount = 1, Hashes = i - end, Multiline = true });
                    return true;
                }

                return false;
            }

            if (next == '"' && _syntax.Has(LiteralFeatures.CppRawStrings) && word is "R" or "u8R" or "uR" or "UR" or "LR")
            {
                return TryCppRawString(start, end);
            }

            if (quote && _syntax.Has(LiteralFeatures.RRawStrings) && word is "r" or "R")
            {
                return TryRRawString(end);
            }

            if (quote && _syntax.Has(LiteralFeatures.DartRawStrings) && word is "r")
            {
                bool triple = CountRun(end, next, 3) == 3;
                int quoteCount = triple ? 3 : 1;
                PushString(start, end + quoteCount, new Frame { Quote = next, QuoteCount = quoteCount, Multiline = triple });
                return true;
            }

            if (next == '\'' && _syntax.Has(LiteralFeatures.SqlEscapeStrings) && word is "E" or "e")
            {
                PushString(start, end + 1, new Frame { Quote = '\'', QuoteCount = 1, Escape = '\\', Multiline = true });
                return true;
            }

            if (next == '(' && _syntax.Has(LiteralFeatures.CssUrls) && word.Equals("url", StringComparison.OrdinalIgnoreCase))
            {
                SkipCssUrl(end);
                return true;
            }

            return false;
        }

        private static bool TryParsePythonPrefix(ReadOnlySpan<char> word, out bool formatted, out bool bytes)
        {
            formatted = false;
            bytes = false;
            if (word.Length is 0 or > 2) return false;

            bool raw = false;
            bool unicode = false;
            foreach (char letter in word)
            {
                switch (char.ToLowerInvariant(letter))
                {
                    case 'r' when !raw: raw = true; break;
                    case 'b' when !bytes && !formatted: bytes = true; break;
                    case 'f' or 't' when !formatted && !bytes: formatted = true; break;
                    case 'u' when word.Length == 1: unicode = true; break;
                    default: return false;
                }
            }

            return raw || unicode || bytes || formatted;
        }

        private bool TryCppRawString(int start, int end)
        {
            // R"delim( ... )delim" where delim has at most 16 characters.
            int delimiterStart = end + 1;
            int i = delimiterStart;
            while (i < _length && i - delimiterStart <= 16 && _text[i] != '(')
            {
                if (_text[i] is ' ' or ')' or '\\' or '\t' or '\n' or '\r' or '"') return false;
                i++;
            }

            if (i >= _length || _text[i] != '(' || i - delimiterStart > 16) return false;
            _pos = SkipDelimitedRaw(i + 1, ')', _text.AsSpan(delimiterStart, i - delimiterStart), '"');
            _lastTokenIsValue = true;
            return true;
        }

        private bool TryRRawString(int quoteIndex)
        {
            // r"(...)", r"[...]", r"{...}", optionally with dashes: r"--(...)--".
            char quote = _text[quoteIndex];
            int i = quoteIndex + 1;
            while (i < _length && _text[i] == '-') i++;
            if (i >= _length || _text[i] is not ('(' or '[' or '{')) return false;

            char closer = _text[i] switch { '(' => ')', '[' => ']', _ => '}' };
            _pos = SkipDelimitedRaw(i + 1, closer, _text.AsSpan(quoteIndex + 1, i - quoteIndex - 1), quote);
            _lastTokenIsValue = true;
            return true;
        }

        /// <summary>Returns the position after the first <paramref name="closer"/>, <paramref name="middle"/>, <paramref name="quote"/> sequence, or the end of the text.</summary>
        private int SkipDelimitedRaw(int from, char closer, ReadOnlySpan<char> middle, char quote)
        {
            int i = from;
            while (i < _length)
            {
                int found = _text.IndexOf(closer, i);
                if (found < 0) return _length;
                int quoteIndex = found + 1 + middle.Length;
                if (quoteIndex < _length && _text.AsSpan(found + 1, middle.Length).SequenceEqual(middle) && _text[quoteIndex] == quote)
                {
                    return quoteIndex + 1;
                }

                i = found + 1;
            }

            return _length;
        }

        private void SkipCssUrl(int parenIndex)
        {
            int i = parenIndex + 1;
            while (i < _length && _text[i] is ' ' or '\t') i++;
            if (i < _length && _text[i] is '"' or '\'')
            {
                // A quoted url is an ordinary string; only the word is consumed.
                _pos = parenIndex;
                return;
            }

            while (i < _length && _text[i] != ')' && !IsLineBreak(_text[i])) i++;
            _pos = i < _length && _text[i] == ')' ? i + 1 : i;
        }

        // ===== YAML =====

        /// <summary>
        /// True when a quote at <paramref name="pos"/> starts a YAML scalar: at the start of a line, after
        /// <c>: </c>, <c>- </c>, <c>? </c>, <c>[</c>, <c>{</c> or <c>,</c>, possibly after a tag or an anchor.
        /// In <c>key: don't</c> the quote is plain text.
        /// </summary>
        private bool IsYamlNodeStart(int pos)
        {
            int i = pos - 1;
            while (true)
            {
                int beforeSpaces = i;
                while (i >= 0 && _text[i] is ' ' or '\t') i--;
                if (i < 0 || IsLineBreak(_text[i])) return true;

                char previous = _text[i];
                if (previous is '[' or '{' or ',') return true;
                if (previous is ':' or '-' or '?') return i < beforeSpaces;

                // A tag (!!str) or an anchor (&name) between the indicator and the node: look before it.
                // Tags and anchors are short, so the look-back is bounded, which keeps long lines linear.
                int tokenEnd = i;
                if (tokenEnd == beforeSpaces) return false;
                while (i >= 0 && !char.IsWhiteSpace(_text[i]) && tokenEnd - i < MaxYamlPropertyLength) i--;
                if (i < 0 || !char.IsWhiteSpace(_text[i]) || _text[i + 1] is not ('!' or '&')) return false;
            }
        }

        /// <summary>Notes a YAML block scalar indicator (<c>|</c>, <c>&gt;-</c>) that ends its line; its body is skipped at the line break.</summary>
        private void NoteYamlBlockScalar()
        {
            if (!_syntax.Has(LiteralFeatures.YamlScalars) || !IsYamlNodeStart(_pos)) return;

            int i = _pos + 1;
            while (i < _length && (char.IsAsciiDigit(_text[i]) || _text[i] is '+' or '-')) i++;
            int afterIndicators = i;
            while (i < _length && _text[i] is ' ' or '\t') i++;
            bool endsLine = i >= _length || IsLineBreak(_text[i]) || (_text[i] == '#' && i > afterIndicators);
            if (endsLine) _pendingBlockScalarIndent = IndentOfLineAt(_pos);
        }

        /// <summary>Skips the lines of a block scalar: those more indented than the line that opened it, and blank lines.</summary>
        private void SkipBlockScalar()
        {
            int parentIndent = _pendingBlockScalarIndent;
            _pendingBlockScalarIndent = -1;
            int contentIndent = -1;
            while (_pos < _length)
            {
                int i = _pos;
                while (i < _length && _text[i] == ' ') i++;
                int indent = i - _pos;
                int j = i;
                while (j < _length && _text[j] is ' ' or '\t') j++;
                bool blank = j >= _length || IsLineBreak(_text[j]);
                if (!blank)
                {
                    if (contentIndent < 0)
                    {
                        if (indent <= parentIndent) return;
                        contentIndent = indent;
                    }
                    else if (indent < contentIndent)
                    {
                        return;
                    }
                }

                _pos = NextLineStart(j);
            }
        }

        private int IndentOfLineAt(int pos)
        {
            int lineStart = pos;
            while (lineStart > 0 && !IsLineBreak(_text[lineStart - 1])) lineStart--;
            int i = lineStart;
            while (i < _length && _text[i] == ' ') i++;
            return i - lineStart;
        }

        // ===== Strings =====

        /// <summary>Pushes a string frame whose content starts at <paramref name="contentStart"/>.</summary>
        private void PushString(int fullStart, int contentStart, Frame frame)
        {
            frame.Kind = FrameKind.String;
            frame.FullStart = fullStart;
            frame.ContentStart = contentStart;
            Push(frame);
            _pos = Math.Min(contentStart, _length);
        }

        /// <summary>Reads string content until the string closes, a hole opens, or the text ends.</summary>
        private void StringStep()
        {
            int index = _frameCount - 1;
            var f = _frames[index];
            int i = _pos;
            while (i < _length)
            {
                char c = _text[i];

                if (c == f.Escape && c != '\0')
                {
                    // In a Swift raw string an escape is \#, and \ alone is text.
                    int afterEscape = i + 1;
                    if (f.Hashes > 0)
                    {
                        if (!IsRunAt(afterEscape, '#', f.Hashes))
                        {
                            i++;
                            continue;
                        }

                        afterEscape += f.Hashes;
                    }

                    if (f.Interpolation == InterpolationStyle.BackslashParen && afterEscape < _length && _text[afterEscape] == '(')
                    {
                        _pos = afterEscape + 1;
                        PushHole(')', 1, formatSpecAllowed: false);
                        return;
                    }

                    // Skip the escaped character; an escaped \r\n is one line break.
                    i = afterEscape < _length && _text[afterEscape] == '\r' && afterEscape + 1 < _length && _text[afterEscape + 1] == '\n'
                        ? afterEscape + 2
                        : afterEscape + 1;
                    continue;
                }

                if (c == '\n' || c == '\r')
                {
                    if (!f.Multiline)
                    {
                        // An unterminated single-line string ends at the line break, which is code again.
                        _pos = i;
                        PopString(index, i, i);
                        return;
                    }

                    i++;
                    continue;
                }

                if (c == f.Quote)
                {
                    if (f.DoubledQuoteEscapes && i + 1 < _length && _text[i + 1] == f.Quote)
                    {
                        i += 2;
                        continue;
                    }

                    if (TryCloseString(f, i, out int closeEnd, out int skip))
                    {
                        _pos = closeEnd;
                        PopString(index, i, closeEnd);
                        return;
                    }

                    i += skip;
                    continue;
                }

                char next = i + 1 < _length ? _text[i + 1] : '\0';
                switch (f.Interpolation)
                {
                    case InterpolationStyle.DollarBrace when c == '$' && next == '{':
                    case InterpolationStyle.HashBrace when c == '#' && next == '{':
                        _pos = i + 2;
                        PushHole('}', 1, formatSpecAllowed: false);
                        return;
                    case InterpolationStyle.DollarParen when c == '$' && next == '(':
                        _pos = i + 2;
                        PushHole(')', 1, formatSpecAllowed: false);
                        return;
                }

                if (f.BraceCount > 0)
                {
                    if (c == '{')
                    {
                        if (f.BraceCount == 1)
                        {
                            // {{ is a literal brace; { opens a hole.
                            if (next == '{')
                            {
                                i += 2;
                                continue;
                            }

                            _pos = i + 1;
                            PushHole('}', 1, formatSpecAllowed: true);
                            return;
                        }

                        // In $$"""...""" a run of at least two braces opens a hole; its last two braces are the opener.
                        int run = CountRun(i, '{');
                        if (run >= f.BraceCount)
                        {
                            _pos = i + run;
                            PushHole('}', f.BraceCount, formatSpecAllowed: true);
                            return;
                        }

                        i += run;
                        continue;
                    }

                    if (c == '}' && f.BraceCount == 1 && next == '}')
                    {
                        i += 2;
                        continue;
                    }
                }

                i++;
            }

            // An unterminated string runs to the end of the text.
            _pos = _length;
            PopString(index, _length, _length);
        }

        private bool TryCloseString(in Frame f, int i, out int closeEnd, out int skip)
        {
            skip = 1;
            if (f.HereString)
            {
                closeEnd = i + 2;
                return IsAtLineStart(i) && i + 1 < _length && _text[i + 1] == '@';
            }

            if (f.QuoteCount == 1)
            {
                closeEnd = i + 1;
            }
            else
            {
                // A run of at least QuoteCount quotes closes; a shorter run is text and is skipped whole.
                int run = CountRun(i, f.Quote);
                closeEnd = i + run;
                if (run < f.QuoteCount)
                {
                    skip = run;
                    return false;
                }
            }

            if (f.Hashes > 0)
            {
                if (!IsRunAt(closeEnd, '#', f.Hashes))
                {
                    skip = closeEnd - i;
                    return false;
                }

                closeEnd += f.Hashes;
            }

            return true;
        }

        private void PopString(int index, int closeStart, int closeEnd)
        {
            var f = _frames[index];
            _frameCount = index;
            _lastTokenIsValue = true;

            // A Python docstring is a statement on its own: only trivia may follow it on its line.
            if (f.Docstring && IsFollowedOnlyByTrivia(closeEnd))
            {
                AddComment(f.FullStart, f.ContentStart, closeStart, closeEnd);
            }
        }

        private bool IsFollowedOnlyByTrivia(int i)
        {
            while (i < _length && _text[i] is ' ' or '\t') i++;
            return i >= _length || _text[i] is '\n' or '\r' or '#' or ';';
        }

        private void PushHole(char closer, int closerCount, bool formatSpecAllowed)
        {
            Push(new Frame { Kind = FrameKind.Code, Closer = closer, CloserCount = closerCount, FormatSpecAllowed = formatSpecAllowed });
            _lastTokenIsValue = false;
        }

        /// <summary>Reads a format spec, such as <c>#010x</c> in <c>f"{x:#010x}"</c>, whose characters are text.</summary>
        private void FormatSpecStep()
        {
            int index = _frameCount - 1;
            char closer = _frames[index].Closer;
            int closerCount = _frames[index].CloserCount;
            char stringQuote = _frames[index - 1].Quote;
            bool stringMultiline = _frames[index - 1].Multiline;

            int i = _pos;
            while (i < _length)
            {
                char c = _text[i];
                if (c == closer)
                {
                    _pos = i;
                    CloseHole(index);
                    return;
                }

                if (c == '{')
                {
                    // Python allows nested holes in a format spec: f"{x:{width}}".
                    _pos = i + 1;
                    PushHole('}', 1, formatSpecAllowed: true);
                    return;
                }

                if (c == stringQuote || (!stringMultiline && IsLineBreak(c)))
                {
                    // A malformed spec: let the string handle its quote or line break.
                    _pos = i;
                    _frameCount--;
                    return;
                }

                i++;
            }

            _pos = _length;
            _frameCount--;
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
