using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using LspGlossary.Server;

namespace LspGlossary.Tests;

/// <summary>
/// A minimal LSP client talking to the real server (StreamJsonRpc and our framing) over in-memory pipes.
/// It writes raw frames, so tests can also send malformed ones. The end-to-end suites in tests/e2e drive the
/// published binary through real clients.
/// </summary>
public sealed class InProcessClient : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly Channel<JsonObject> _messages = Channel.CreateUnbounded<JsonObject>();
    private readonly List<JsonObject> _notifications = [];
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly Task _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _nextId = 1;

    /// <summary>
    /// Answers the server's requests (workspace/applyEdit, workspace/configuration, …): given the request, returns the
    /// response's "result", or throws to answer with an error. Without it, server requests are only recorded.
    /// </summary>
    public Func<JsonObject, JsonNode?>? RequestHandler { get; set; }

    /// <summary>Server requests with these methods get no answer at all (a client that never replies).</summary>
    public HashSet<string> Unanswered { get; } = [];

    /// <summary>Every message the server sent, in order (responses, notifications and requests).</summary>
    public List<JsonObject> Received { get; } = [];

    /// <param name="workspace">The files the server sees (null: the disk).</param>
    public InProcessClient(string? glossaryDirectory, LspGlossary.Core.Workspace.IWorkspace? workspace = null, TextWriter? log = null)
    {
        _input = _toClient.Reader.AsStream();
        _output = _toServer.Writer.AsStream();
        ServerTask = Task.Run(() => LanguageServer.RunAsync(_toServer.Reader.AsStream(), _toClient.Writer.AsStream(), log ?? TextWriter.Null, glossaryDirectory, workspace));
        _reader = Task.Run(ReadLoopAsync);
    }

    public Task<int> ServerTask { get; }

    /// <param name="embeddedGlossary">Use the glossary embedded in the server instead of the test fixture's.</param>
    public static async Task<InProcessClient> StartAsync(string locale = "en", string? workspaceFolder = null, JsonObject? initializationOptions = null,
        JsonObject? capabilities = null, Func<JsonObject, JsonNode?>? requestHandler = null, string? capabilitiesJson = null, bool embeddedGlossary = false,
        LspGlossary.Core.Workspace.IWorkspace? workspace = null, IReadOnlyList<string>? workspaceFolders = null)
    {
        var client = new InProcessClient(embeddedGlossary ? null : Path.Combine(AppContext.BaseDirectory, "Fixtures"), workspace) { RequestHandler = requestHandler };
        var parameters = new JsonObject
        {
            ["processId"] = null,
            ["locale"] = locale,
            ["capabilities"] = capabilitiesJson is not null ? JsonNode.Parse(capabilitiesJson) : capabilities ?? new JsonObject(),
        };
        if (workspaceFolder is not null) parameters["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(workspaceFolder).AbsoluteUri, ["name"] = "ws" });
        if (workspaceFolders is not null)
        {
            parameters["workspaceFolders"] = new JsonArray(workspaceFolders.Select(f => (JsonNode)new JsonObject { ["uri"] = new Uri(f).AbsoluteUri, ["name"] = Path.GetFileName(f) }).ToArray());
        }
        if (initializationOptions is not null) parameters["initializationOptions"] = initializationOptions;
        var result = await client.RequestAsync("initialize", parameters);
        Assert.NotNull(result["result"]);
        await client.NotifyAsync("initialized", new JsonObject());
        return client;
    }

    public Task SendRawAsync(string body) => SendRawAsync(Encoding.UTF8.GetBytes(body));

    public async Task SendRawAsync(byte[] body)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _output.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            await _output.WriteAsync(body);
            await _output.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Writes bytes as they are: no header is added (for malformed framing).</summary>
    public async Task SendBytesAsync(byte[] bytes)
    {
        await _output.WriteAsync(bytes);
        await _output.FlushAsync();
    }

    /// <summary>Writes several frames in one write, so that the server reads them together.</summary>
    public async Task SendRawFramesAsync(params string[] bodies)
    {
        var buffer = new MemoryStream();
        foreach (var body in bodies)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            buffer.Write(Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"));
            buffer.Write(bytes);
        }
        await _output.WriteAsync(buffer.ToArray());
        await _output.FlushAsync();
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendRawAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }.ToJsonString());

    /// <summary>Sends a request and returns the whole response message (with "result" or "error").</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters)
    {
        int id = _nextId++;
        await SendRawAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString());
        return await WaitForResponseAsync(id);
    }

    public async Task<JsonObject> WaitForResponseAsync(JsonNode? id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(timeout.Token);
            if (message["method"] is not null)
            {
                lock (_notifications) _notifications.Add(message);
                continue;
            }
            if (JsonNode.DeepEquals(message["id"], id)) return message;
        }
    }

    /// <summary>Polls received notifications until one matches (and pumps the channel meanwhile).</summary>
    public async Task<JsonObject> WaitForNotificationAsync(string method, Func<JsonObject, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            lock (_notifications)
            {
                var found = _notifications.FirstOrDefault(n => (string?)n["method"] == method && predicate((JsonObject)n["params"]!));
                if (found is not null) return (JsonObject)found["params"]!;
            }
            var message = await _messages.Reader.ReadAsync(timeout.Token);
            if (message["method"] is not null) lock (_notifications) _notifications.Add(message);
        }
    }

    public static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    public Task OpenAsync(string uri, string text, string languageId = "markdown", int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = version, ["text"] = text },
        });

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                int length = -1;
                while (true)
                {
                    string? line = await ReadLineAsync();
                    if (line is null) return;
                    if (line.Length == 0) break;
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim());
                }
                var body = new byte[length];
                await _input.ReadExactlyAsync(body);
                var message = JsonNode.Parse(body)!.AsObject();
                lock (Received) Received.Add(message);
                if (message["method"] is not null && message["id"] is not null && RequestHandler is { } handler
                    && !Unanswered.Contains((string)message["method"]!))
                {
                    await AnswerAsync(message, handler);
                }
                await _messages.Writer.WriteAsync(message);
            }
        }
        catch (Exception) when (true)
        {
            _messages.Writer.TryComplete();
        }
    }

    private async Task AnswerAsync(JsonObject request, Func<JsonObject, JsonNode?> handler)
    {
        var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]!.DeepClone() };
        try
        {
            response["result"] = handler(request);
        }
        catch (Exception e)
        {
            response["error"] = new JsonObject { ["code"] = -32603, ["message"] = e.Message };
        }
        await SendRawAsync(response.ToJsonString());
    }

    private async Task<string?> ReadLineAsync()
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await _input.ReadAsync(one) == 0) return null;
            if (one[0] == '\n') return line.ToString().TrimEnd('\r');
            line.Append((char)one[0]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await Task.WhenAny(ServerTask, Task.Delay(5000));
        await _toClient.Writer.CompleteAsync();
    }
}
