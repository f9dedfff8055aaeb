using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

public static partial class CodeComments
{
    private sealed partial class Lexer
    {
        // ===== Raw strings and prefixed literals =====

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
    }
}
