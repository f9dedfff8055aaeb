using System.Text;

namespace LspGlossary.Server.Cli;

/// <summary>The encodings a checked file may have; each is written back exactly as it was read.</summary>
public enum SourceEncoding { Utf8, Utf16LittleEndian, Utf16BigEndian }

/// <summary>
/// A file's bytes decoded to text, with what it takes to write the text back the same way: the encoding
/// and whether it began with a byte order mark. Line endings are part of the text and so are kept.
/// Text that is not valid in its encoding is decoded with replacement characters and marked
/// <see cref="IsLossy"/>: it is checked, but never rewritten.
/// </summary>
public sealed record SourceFile(string Text, SourceEncoding Encoding, bool HasBom, bool IsLossy)
{
    /// <summary>How far a binary file is looked at for a NUL byte.</summary>
    public const int BinaryProbeLength = 8 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>True when the bytes hold a NUL in their first 8 KB and are not UTF-16 with a byte order mark.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> bytes) =>
        DetectBom(bytes).Encoding == SourceEncoding.Utf8 && bytes[..Math.Min(bytes.Length, BinaryProbeLength)].IndexOf((byte)0) >= 0;

    public static SourceFile Decode(byte[] bytes)
    {
        var (encoding, bomLength) = DetectBom(bytes);
        var body = bytes.AsSpan(bomLength);
        try
        {
            return new SourceFile(EncodingFor(encoding, strict: true).GetString(body), encoding, bomLength > 0, IsLossy: false);
        }
        catch (DecoderFallbackException)
        {
            return new SourceFile(EncodingFor(encoding, strict: false).GetString(body), encoding, bomLength > 0, IsLossy: true);
        }
    }

    /// <summary>The bytes of a new text in this file's encoding, with its byte order mark if it had one.</summary>
    public byte[] Encode(string text)
    {
        var encoding = EncodingFor(Encoding, strict: true);
        byte[] bom = HasBom ? encoding.GetPreamble() is { Length: > 0 } p ? p : new UTF8Encoding(true).GetPreamble() : [];
        var bytes = new byte[bom.Length + encoding.GetByteCount(text)];
        bom.CopyTo(bytes, 0);
        encoding.GetBytes(text, 0, text.Length, bytes, bom.Length);
        return bytes;
    }

    private static (SourceEncoding Encoding, int BomLength) DetectBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (SourceEncoding.Utf8, 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return (SourceEncoding.Utf16LittleEndian, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (SourceEncoding.Utf16BigEndian, 2);
        return (SourceEncoding.Utf8, 0);
    }

    private static Encoding EncodingFor(SourceEncoding encoding, bool strict) => encoding switch
    {
        SourceEncoding.Utf16LittleEndian => new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: strict),
        SourceEncoding.Utf16BigEndian => new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: strict),
        _ => strict ? StrictUtf8 : LenientUtf8,
    };
}
