using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

public static partial class CodeComments
{
    private sealed partial class Lexer
    {
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
    }
}
