using System.Globalization;
using System.Text;
using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Core.Text;

namespace LspGlossary.Server.Cli;

/// <summary>
/// One string of a cell's <c>source</c> (a notebook keeps a cell's text as one string or a list of lines): where its
/// text sits in the cell's text, and where its JSON token (quotes included) sits in the file's bytes.
/// </summary>
public readonly record struct NotebookSourcePiece(int TextStart, int TextLength, int TokenStart, int TokenLength);

/// <summary>A cell: its number (from 1, in file order, raw cells counted), its <c>cell_type</c>, its source text and pieces.</summary>
public sealed record NotebookCell(int Number, string Kind, string Text, IReadOnlyList<NotebookSourcePiece> Pieces);

/// <summary>A Jupyter notebook (nbformat 4) as far as <c>check</c> reads it: the cells, and the kernel's language.</summary>
public sealed record Notebook(IReadOnlyList<NotebookCell> Cells, string? KernelLanguage, int BomLength);

/// <summary>Input that is not a notebook <c>check</c> can read; the message says why, for a per-file error.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);

/// <summary>
/// Reads <c>.ipynb</c> files (JSON, UTF-8) with <see cref="Utf8JsonReader"/> — no reflection, so NativeAOT-safe, and no
/// document model: one forward pass that validates the whole file and keeps only the cells' sources, their byte
/// positions and the kernel's language (<c>metadata.kernelspec.language</c>, else <c>metadata.language_info.name</c>).
/// Anything else — malformed JSON, nesting deeper than 256, a wrong shape (cells that are not a list, a source
/// that is not a string or a list of strings), nbformat 3 — is a <see cref="NotebookFormatException"/>.
/// <see cref="Rewrite"/> replaces text in cell sources and leaves every other byte as it was.
/// </summary>
public static class NotebookReader
{
    /// <summary>The language id <c>check</c> gives <c>.ipynb</c> files.</summary>
    public const string LanguageId = Core.Analysis.Languages.NotebookLanguageId;

    public static Notebook Read(byte[] bytes)
    {
        try
        {
            return ReadJson(bytes);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException("not a Jupyter notebook: not valid JSON (" + e.Message + ")");
        }
        catch (InvalidOperationException)
        {
            // GetString on a string whose bytes are not UTF-8 (token types are checked before every read).
            throw new NotebookFormatException("not a Jupyter notebook: a string is not valid UTF-8");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or DecoderFallbackException)
        {
            throw new NotebookFormatException("not a Jupyter notebook: " + e.Message);
        }
    }

    private static Notebook ReadJson(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            throw new NotebookFormatException("not a Jupyter notebook: UTF-16 text (notebooks are UTF-8 JSON)");
        }
        int bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var reader = new Utf8JsonReader(bytes.AsSpan(bom), new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw Shape("the file is not a JSON object");
        List<NotebookCell>? cells = null;
        string? kernelLanguage = null, infoLanguage = null;
        bool worksheets = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("cells"))
            {
                reader.Read();
                if (cells is not null) throw Shape("it has two \"cells\" lists");
                cells = ReadCells(ref reader, bom);
            }
            else if (reader.ValueTextEquals("metadata"))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) ReadMetadata(ref reader, ref kernelLanguage, ref infoLanguage);
                else reader.Skip();
            }
            else
            {
                worksheets |= reader.ValueTextEquals("worksheets");
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw Shape("the file is not a JSON object");
        if (reader.Read()) throw Shape("there is more after the notebook's object"); // (the reader throws first on anything but whitespace)
        if (cells is null)
        {
            throw Shape(worksheets
                ? "nbformat 3 (worksheets) is not read; convert it with `jupyter nbconvert --to notebook --nbformat 4`"
                : "it has no \"cells\" list");
        }
        return new Notebook(cells, kernelLanguage ?? infoLanguage, bom);
    }

    private static List<NotebookCell> ReadCells(ref Utf8JsonReader reader, int bom)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Shape("\"cells\" is not a list");
        var cells = new List<NotebookCell>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int number = cells.Count + 1;
            if (reader.TokenType != JsonTokenType.StartObject) throw Shape($"cell {number} is not an object");
            string? kind = null;
            var text = new StringBuilder();
            var pieces = new List<NotebookSourcePiece>();
            bool hasSource = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("cell_type"))
                {
                    reader.Read();
                    if (kind is not null) throw Shape($"cell {number} has two \"cell_type\" properties");
                    if (reader.TokenType != JsonTokenType.String) throw Shape($"cell {number}: \"cell_type\" is not a string");
                    kind = reader.GetString();
                }
                else if (reader.ValueTextEquals("source"))
                {
                    reader.Read();
                    if (hasSource) throw Shape($"cell {number} has two \"source\" properties");
                    hasSource = true;
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        AddPiece(ref reader, text, pieces, bom);
                    }
                    else if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType != JsonTokenType.String) throw Shape($"cell {number}: \"source\" holds something other than strings");
                            AddPiece(ref reader, text, pieces, bom);
                        }
                    }
                    else
                    {
                        throw Shape($"cell {number}: \"source\" is neither a string nor a list of strings");
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            if (kind is null) throw Shape($"cell {number} has no \"cell_type\"");
            if (!hasSource) throw Shape($"cell {number} has no \"source\"");
            cells.Add(new NotebookCell(number, kind, text.ToString(), pieces));
        }
        return cells;
    }

    private static void AddPiece(ref Utf8JsonReader reader, StringBuilder text, List<NotebookSourcePiece> pieces, int bom)
    {
        string value = reader.GetString()!;
        // Over a contiguous buffer, a string's ValueSpan is its raw (still escaped) bytes between the quotes.
        pieces.Add(new NotebookSourcePiece(text.Length, value.Length, bom + (int)reader.TokenStartIndex, reader.ValueSpan.Length + 2));
        text.Append(value);
    }

    private static void ReadMetadata(ref Utf8JsonReader reader, ref string? kernelLanguage, ref string? infoLanguage)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool kernelspec = reader.ValueTextEquals("kernelspec"), info = reader.ValueTextEquals("language_info");
            reader.Read();
            if ((kernelspec || info) && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool wanted = kernelspec ? reader.ValueTextEquals("language") : reader.ValueTextEquals("name");
                    reader.Read();
                    if (wanted && reader.TokenType == JsonTokenType.String)
                    {
                        if (kernelspec) kernelLanguage = reader.GetString();
                        else infoLanguage = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static NotebookFormatException Shape(string why) => new("not a Jupyter notebook: " + why);

    /// <summary>
    /// The language id a code cell is checked as, from the kernel's language (default <c>python</c>); null when it is
    /// one whose comments are not understood (its code cells are then not checked).
    /// </summary>
    public static string? CodeLanguage(string? kernelLanguage)
    {
        string name = (kernelLanguage ?? "python").Trim().ToLowerInvariant();
        string id = name switch
        {
            "python2" or "python3" or "ipython" or "ipython2" or "ipython3" or "py" => "python",
            "c#" or "cs" or "dotnet-csharp" or ".net-csharp" => "csharp",
            "c++" or "c++11" or "c++14" or "c++17" or "c++20" or "cpp17" or "xcpp" => "cpp",
            "bash" or "sh" or "zsh" or "shell" => "shellscript",
            "js" or "node" or "nodejs" => "javascript",
            "ts" => "typescript",
            "pwsh" => "powershell",
            _ => name,
        };
        return Core.Analysis.Languages.Find(id)?.Id;
    }

    /// <summary>
    /// The notebook's bytes with <paramref name="replacements"/> (per cell number, spans in the cell's text) applied:
    /// each source string that holds one is written again as a JSON string (quotes, backslashes and control characters
    /// escaped, other text as it is, as Jupyter writes it); every other byte is kept. Null when a replacement spans two
    /// strings of a source (then nothing is rewritten).
    /// </summary>
    public static byte[]? Rewrite(byte[] bytes, Notebook notebook, IReadOnlyDictionary<int, List<TextReplacement>> replacements)
    {
        var edits = new List<(int Start, int Length, byte[] Text)>();
        foreach (var cell in notebook.Cells)
        {
            if (!replacements.TryGetValue(cell.Number, out var list) || list.Count == 0) continue;
            foreach (var piece in cell.Pieces)
            {
                var inside = new List<TextReplacement>();
                foreach (var r in list)
                {
                    int start = r.Span.Start, end = r.Span.End;
                    bool starts = start >= piece.TextStart && start < piece.TextStart + piece.TextLength;
                    if (!starts) continue;
                    if (end > piece.TextStart + piece.TextLength) return null; // across two strings
                    inside.Add(new TextReplacement(new TextSpan(start - piece.TextStart, r.Span.Length), r.NewText));
                }
                if (inside.Count == 0) continue;
                string text = cell.Text.Substring(piece.TextStart, piece.TextLength);
                string fixedText = FixAll.Apply(text, inside);
                edits.Add((piece.TokenStart, piece.TokenLength, Encoding.UTF8.GetBytes(JsonString(fixedText))));
            }
        }
        if (edits.Count == 0) return bytes;
        using var output = new MemoryStream(bytes.Length + 64 * edits.Count);
        int position = 0;
        foreach (var (start, length, text) in edits.OrderBy(e => e.Start))
        {
            output.Write(bytes, position, start - position);
            output.Write(text);
            position = start + length;
        }
        output.Write(bytes, position, bytes.Length - position);
        return output.ToArray();
    }

    /// <summary>A JSON string as Jupyter writes one (<c>ensure_ascii=False</c>): only what JSON requires is escaped.</summary>
    public static string JsonString(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\b': quoted.Append("\\b"); break;
                case '\f': quoted.Append("\\f"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        quoted.Append(c).Append(value[++i]);
                    }
                    else if (c < 0x20 || char.IsSurrogate(c))
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }
}
