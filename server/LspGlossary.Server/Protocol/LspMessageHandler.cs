using System.Buffers;
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
    /// <summary>Frames larger than this are skipped with an error; 10 MB documents fit comfortably.</summary>
    public const int MaxContentLength = 256 * 1024 * 1024;

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Action<string> _log;
    private byte[] _buffer = new byte[64 * 1024];
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
            if (body.Length == 0) continue;

            var verdict = Check(body);
            if (verdict.Error is { } error)
            {
                _log($"Refused a message: {error.Message}");
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
                // A response to one of our requests (workspace/configuration) goes through; anything else is invalid.
                bool isResponse = id is not null && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _));
                return isResponse
                    ? new Verdict(id, null, null, false)
                    : new Verdict(id, id ?? "null", (JsonRpcErrorCode.InvalidRequest, "Invalid request: no 'method'."), false);
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
    /// Reads one frame's body: headers up to an empty line, then Content-Length bytes. Returns null at the
    /// end of the input, and an empty array for a frame that had to be skipped (no or bad Content-Length).
    /// </summary>
    private async Task<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        int contentLength = -1;
        while (true)
        {
            string? line = await ReadHeaderLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (contentLength >= 0) break;
                continue; // Stray empty lines between frames are tolerated.
            }
            int colon = line.IndexOf(':');
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(line.AsSpan(colon + 1).Trim(), out contentLength) || contentLength < 0)
                {
                    _log($"Bad Content-Length header: '{line}'.");
                    contentLength = -1;
                }
            }
        }
        if (contentLength > MaxContentLength)
        {
            _log($"Skipped a frame of {contentLength} bytes (the limit is {MaxContentLength}).");
            if (!await SkipAsync(contentLength, cancellationToken).ConfigureAwait(false)) return null;
            return [];
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

    /// <summary>One header line without its CR LF (ASCII), or null at the end of the input.</summary>
    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return null;
            byte b = _buffer[_start++];
            if (b == (byte)'\n')
            {
                if (line.Length > 0 && line[^1] == '\r') line.Length--;
                return line.ToString();
            }
            if (line.Length < 8192) line.Append((char)b);
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _input.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }

    public void Dispose() => _writeLock.Dispose();
}
