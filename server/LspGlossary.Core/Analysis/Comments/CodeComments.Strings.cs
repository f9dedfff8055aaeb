using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

public static partial class CodeComments
{
    private sealed partial class Lexer
    {
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
    }
}
