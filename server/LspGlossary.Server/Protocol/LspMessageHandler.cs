using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace LspGlossary.Server.Protocol;

/// <summary>
/// The LSP base protocol (Content-Length framed JSON) for StreamJsonRpc, made robust against hostile input.
/// StreamJsonRpc's own handler closes the connection on a frame that is not JSON or on params that are
/// not an object; this handler checks each frame first and answers such frames itself with a JSON-RPC
/// error (-32700 parse error, -32600 invalid request, -32602 invalid params), then keeps reading.
/// A gate lets the server refuse requests by state (before initialize, after shutdown) the same way.
/// </summary>
public sealed class LspMessageHandler : IJsonRpcMessageHandler, IDisposable
{
    /// <summary>
/// Frames larger than this are read past unparsed and answered with a -32600 error whose id is null (the id is in
/// the skipped body, so the request itself stays unanswered); 10 MB documents fit comfortably.
/// </summary>
    public const int MaxContentLength = 256 * 1024 * 1024;

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Action<string> _log;
    private const int BufferSize = 64 * 1024;
    private byte[] _buffer = new byte[BufferSize];
    private readonly ConcurrentDictionary<string, byte> _awaitedResponses = new(StringComparer.Ordinal);
    private int _start;
    private int _end;

    public LspMessageHandler(Stream input, Stream output, SystemTextJsonFormatter formatter, Action<string> log)
    {
        _input = input;
        _output = output;
        Formatter = formatter;
        _log = log;
    }

    /// <summary>Returns an error (code, message) to refuse a request with the given method, or null to let it through.</summary>
    public Func<string, (int Code, string Message)?>? RequestGate { get; set; }

    /// <summary>Returns false to drop a notification with the given method.</summary>
    public Func<string, bool>? NotificationGate { get; set; }

    public bool CanRead => true;
    public bool CanWrite => true;
    public IJsonRpcMessageFormatter Formatter { get; }

    public async ValueTask<JsonRpcMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            byte[]? body = await ReadFrameAsync(cancellationToken).ConfigureAwait(false);
            if (body is null) return null;

            ReplaceLoneSurrogateEscapes(body);
            var verdict = Check(body);
            if (verdict.Error is { } error)
            {
                _log($"Refused a message: {error.Message}");
                // A Content-Length longer than its body swallows the start of the next frame: read on from there.
                if (error.Code == JsonRpcErrorCode.ParseError && body.AsSpan(1).IndexOf(ContentLengthName) is int next and >= 0) Unread(body.AsSpan(next + 1));
                if (verdict.ReplyTo is { } id) await WriteErrorAsync(id, error.Code, error.Message, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (verdict.Drop) continue;

            try
            {
                // The formatter may keep the buffer for the message's lifetime: each body is a fresh array.
                return Formatter.Deserialize(new ReadOnlySequence<byte>(body));
            }
            catch (Exception e)
            {
                _log($"Could not read a message: {e.Message}");
                if (verdict.Id is { } id) await WriteErrorAsync(id, JsonRpcErrorCode.InvalidRequest, "Invalid request.", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask WriteAsync(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is JsonRpcRequest { IsResponseExpected: true } request) _awaitedResponses.TryAdd(Key(request.RequestId), 0);
        var writer = new ArrayBufferWriter<byte>(1024);
        Formatter.Serialize(writer, content);
        await WriteFrameAsync(writer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private readonly record struct Verdict(string? Id, string? ReplyTo, (JsonRpcErrorCode Code, string Message)? Error, bool Drop);

    /// <summary>Decides whether a frame goes to StreamJsonRpc, is answered with an error, or is dropped.</summary>
    private Verdict Check(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return new Verdict(null, "null", (JsonRpcErrorCode.ParseError, "Parse error: the message is not valid JSON."), false);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Verdict(null, "null", (JsonRpcErrorCode.InvalidRequest, "Invalid request: a message must be a JSON object."), false);
            }
            string? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                if (idElement.ValueKind is JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null) id = idElement.GetRawText();
                else return new Verdict(null, "null", (JsonRpcErrorCode.InvalidRequest, "Invalid request: 'id' must be a number or a string."), false);
            }
            bool hasMethod = root.TryGetProperty("method", out var methodElement);
            if (!hasMethod)
            {
                bool isResponse = id is not null && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _));
                if (!isResponse) return new Verdict(id, id ?? "null", (JsonRpcErrorCode.InvalidRequest, "Invalid request: no 'method'."), false);
                // A response to one of our own requests (workspace/configuration, …) goes through, once; a
                // response to anything else is dropped (StreamJsonRpc would end the connection on it).
                if (_awaitedResponses.TryRemove(Key(idElement), out _)) return new Verdict(id, null, null, false);
                _log($"Dropped a response to id {id}: the server sent no such request, or it was already answered.");
                return new Verdict(null, null, null, true);
            }
            if (methodElement.ValueKind != JsonValueKind.String)
            {
                return new Verdict(id, id ?? "null", (JsonRpcErrorCode.InvalidRequest, "Invalid request: 'method' must be a string."), false);
            }
            string method = methodElement.GetString()!;
            bool isRequest = id is not null;
            if (root.TryGetProperty("params", out var paramsElement) && paramsElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
            {
                return isRequest
                    ? new Verdict(id, id, (JsonRpcErrorCode.InvalidParams, $"Invalid params for '{method}': params must be an object."), false)
                    : new Verdict(null, null, (JsonRpcErrorCode.InvalidParams, $"Dropped the notification '{method}': params must be an object."), false);
            }
            if (isRequest && RequestGate?.Invoke(method) is { } refusal)
            {
                return new Verdict(id, id, ((JsonRpcErrorCode)refusal.Code, refusal.Message), false);
            }
            if (!isRequest && NotificationGate is { } gate && !gate(method))
            {
                return new Verdict(null, null, null, true);
            }
            return new Verdict(id, null, null, false);
        }
    }

    private static string Key(RequestId id) => id.Number is { } number ? $"n:{number}" : $"s:{id.String}";

    private static string Key(JsonElement id) =>
        id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out long number) ? $"n:{number}"
        : id.ValueKind == JsonValueKind.String ? $"s:{id.GetString()}"
        : $"raw:{id.GetRawText()}";

    /// <summary>
    /// Rewrites each lone surrogate escape in the JSON strings of a message (<c>\ud800</c> without its other
    /// half) to <c>\ufffd</c> in place. System.Text.Json refuses lone surrogates; refusing the message would drop
    /// an edit and leave the document out of step with the client. U+FFFD is one UTF-16 unit like the
    /// surrogate it replaces, so every later position still means what the client meant.
    /// </summary>
    public static void ReplaceLoneSurrogateEscapes(byte[] json)
    {
        if (json.AsSpan().IndexOf("\\ud"u8) < 0 && json.AsSpan().IndexOf("\\uD"u8) < 0) return;
        bool inString = false;
        int pendingHigh = -1; // where a high surrogate escape waits for its low half
        for (int i = 0; i < json.Length; i++)
        {
            byte b = json[i];
            if (!inString)
            {
                inString = b == (byte)'"';
                continue;
            }
            int unit = b == (byte)'\\' && i + 5 < json.Length && json[i + 1] == (byte)'u' ? Hex4(json, i + 2) : -1;
            if (unit is >= 0xDC00 and <= 0xDFFF && pendingHigh >= 0)
            {
                pendingHigh = -1; // a proper pair
                i += 5;
                continue;
            }
            if (pendingHigh >= 0)
            {
                ReplaceEscape(json, pendingHigh);
                pendingHigh = -1;
            }
            if (unit >= 0)
            {
                if (unit is >= 0xD800 and <= 0xDBFF) pendingHigh = i;
                else if (unit is >= 0xDC00 and <= 0xDFFF) ReplaceEscape(json, i);
                i += 5;
            }
            else if (b == (byte)'\\') i++; // a one-character escape such as \" or \\
            else if (b == (byte)'"') inString = false;
        }
        if (pendingHigh >= 0) ReplaceEscape(json, pendingHigh);
    }

    private static int Hex4(byte[] json, int at)
    {
        int value = 0;
        for (int k = at; k < at + 4; k++)
        {
            int digit = HexDigit(json[k]);
            if (digit < 0) return -1;
            value = value * 16 + digit;
        }
        return value;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static void ReplaceEscape(byte[] json, int backslash) => "fffd"u8.CopyTo(json.AsSpan(backslash + 2));

    private async Task WriteErrorAsync(string rawId, JsonRpcErrorCode code, string message, CancellationToken cancellationToken)
    {
        var writer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(writer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            json.WritePropertyName("id");
            json.WriteRawValue(rawId);
            json.WriteStartObject("error");
            json.WriteNumber("code", (int)code);
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        await WriteFrameAsync(writer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteFrameAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await _output.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Reads one frame's body: a header block up to an empty line, then Content-Length bytes. Returns null at
    /// the end of the input; a frame too large to read is skipped and answered with an error. A bad header block (no or a bad
    /// Content-Length, a line that is not a header, a NUL, a block that never ends) is answered with a parse
    /// error and the reader scans forward to the next "Content-Length:", so one bad frame never stops the
    /// server from reading the next good one.
    /// </summary>
    private async Task<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var header = await ReadHeaderBlockAsync(cancellationToken).ConfigureAwait(false);
            if (header is null) return null;
            if (header.Value.Error is { } error)
            {
                _log($"Bad frame header: {error} Skipping to the next 'Content-Length:'.");
                await WriteErrorAsync("null", JsonRpcErrorCode.ParseError, $"Parse error: {error}", cancellationToken).ConfigureAwait(false);
                if (!await SkipToNextHeaderAsync(cancellationToken).ConfigureAwait(false)) return null;
                continue;
            }
            int contentLength = header.Value.ContentLength;
            if (contentLength > MaxContentLength)
            {
                _log($"Skipped a frame of {contentLength} bytes (the limit is {MaxContentLength}).");
                await WriteErrorAsync("null", JsonRpcErrorCode.InvalidRequest, $"Invalid request: a message of {contentLength} bytes is larger than the limit of {MaxContentLength}.", cancellationToken).ConfigureAwait(false);
                if (!await SkipAsync(contentLength, cancellationToken).ConfigureAwait(false)) return null;
                continue;
            }
            var body = new byte[contentLength];
            int filled = 0;
            while (filled < contentLength)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return null;
                int take = Math.Min(contentLength - filled, _end - _start);
                Buffer.BlockCopy(_buffer, _start, body, filled, take);
                _start += take;
                filled += take;
            }
            return body;
        }
    }

    /// <summary>A header block's Content-Length, or why the block is bad.</summary>
    private readonly record struct Header(int ContentLength, string? Error);

    /// <summary>Header blocks longer than this are bad: real ones are under 100 bytes.</summary>
    private const int MaxHeaderBytes = 8 * 1024;

    /// <summary>
    /// Reads a header block. On success the buffer is positioned at the body. On a bad block it is positioned
    /// at the first byte of the offending line (or of the block, when the block lacks a Content-Length), so the
    /// scan for the next header also looks inside it: junk glued to a good header loses nothing.
    /// Null at the end of the input.
    /// </summary>
    private async Task<Header?> ReadHeaderBlockAsync(CancellationToken cancellationToken)
    {
        int scanned = 0; // bytes of the block (from _start) known to hold only complete lines
        int contentLength = -1;
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, _end - _start - scanned);
            if (newline < 0)
            {
                if (_end - _start >= MaxHeaderBytes) return new Header(-1, $"a header block longer than {MaxHeaderBytes} bytes.");
                if (!await FillMoreAsync(cancellationToken).ConfigureAwait(false)) return null;
                continue;
            }
            int lineStart = _start + scanned;
            var line = _buffer.AsSpan(lineStart, newline - lineStart);
            if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
            scanned = newline + 1 - _start;
            if (line.Length == 0)
            {
                if (lineStart == _start)
                {
                    // Stray line breaks between frames are tolerated.
                    _start += scanned;
                    scanned = 0;
                    continue;
                }
                if (contentLength < 0) return new Header(-1, "the header has no Content-Length.");
                _start += scanned;
                return new Header(contentLength, null);
            }
            if (ReadHeaderLine(line, ref contentLength) is { } error)
            {
                _start = lineStart;
                return new Header(-1, error);
            }
        }
    }

    /// <summary>Checks one header line ("Name: value"); returns why it is bad, or null.</summary>
    private static string? ReadHeaderLine(ReadOnlySpan<byte> line, ref int contentLength)
    {
        int colon = line.IndexOf((byte)':');
        if (colon <= 0) return "a header line without a name and ':'.";
        foreach (byte b in line)
        {
            if (b is < 0x20 and not (byte)'\t' or >= 0x7F) return "a header line with a control or non-ASCII byte.";
        }
        var name = line[..colon];
        foreach (byte b in name)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'"' or (byte)'{' or (byte)'}' or (byte)'(' or (byte)')' or (byte)',' or (byte)';') return "a header line whose name is not a header name.";
        }
        if (!Ascii.EqualsIgnoreCase(name, "Content-Length"u8)) return null; // Content-Type and others are ignored.
        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (value.Length is 0 or > 10) return "a Content-Length that is not a number.";
        long parsed = 0;
        foreach (byte b in value)
        {
            if (b is < (byte)'0' or > (byte)'9') return "a Content-Length that is not a non-negative integer.";
            parsed = parsed * 10 + (b - '0');
        }
        if (parsed > int.MaxValue) return "a Content-Length that is too large.";
        if (contentLength >= 0) return "two Content-Length headers.";
        contentLength = (int)parsed;
        return null;
    }

    private static ReadOnlySpan<byte> ContentLengthName => "Content-Length:"u8;

    /// <summary>
    /// Drops bytes up to the next "Content-Length:" after the current position (the first byte of a bad block
    /// is skipped, so the scan moves on). Returns false at the end of the input.
    /// </summary>
    private async Task<bool> SkipToNextHeaderAsync(CancellationToken cancellationToken)
    {
        if (_start < _end) _start++;
        while (true)
        {
            int found = _buffer.AsSpan(_start, _end - _start).IndexOf(ContentLengthName);
            if (found >= 0)
            {
                _start += found;
                return true;
            }
            // Keep a tail that could be the start of a header split across reads.
            int keep = Math.Min(_end - _start, ContentLengthName.Length - 1);
            _start = _end - keep;
            if (!await FillMoreAsync(cancellationToken).ConfigureAwait(false)) return false;
        }
    }

    private async Task<bool> SkipAsync(int count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return false;
            int take = Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
        return true;
    }

    /// <summary>Puts bytes back in front of the unread input.</summary>
    private void Unread(ReadOnlySpan<byte> bytes)
    {
        int unread = _end - _start;
        var combined = new byte[Math.Max(BufferSize, bytes.Length + unread + BufferSize)];
        bytes.CopyTo(combined);
        _buffer.AsSpan(_start, unread).CopyTo(combined.AsSpan(bytes.Length));
        _buffer = combined;
        _start = 0;
        _end = bytes.Length + unread;
    }

    /// <summary>Replaces the buffer's contents with the next read. False at the end of the input.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Length > BufferSize) _buffer = new byte[BufferSize]; // after an Unread of a big body
        _start = 0;
        _end = await _input.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }

    /// <summary>Appends the next read to the unread bytes (moved to the front). False at the end of the input.</summary>
    private async Task<bool> FillMoreAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        int read = await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    public void Dispose() => _writeLock.Dispose();
}
