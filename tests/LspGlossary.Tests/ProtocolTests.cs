using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LspGlossary.Server.Protocol;

namespace LspGlossary.Tests;

/// <summary>The protocol layer in process: hostile input, lifecycle, settings, versions.</summary>
public class ProtocolTests
{
    private const string Uri = "file:///doc.md";

    [Theory]
    [InlineData("{", -32700)]
    [InlineData("[1, 2]", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"textDocument/hover\",\"params\":5}", -32602)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///doc.md\"},\"position\":\"x\"}}", -32602)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///doc.md\"}}}", -32602)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"no/such\",\"params\":{}}", -32601)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":7}", -32600)]
    public async Task Bad_input_gets_an_error_and_the_server_keeps_serving(string frame, int code)
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "We use LoRA.");
        await client.SendRawAsync(frame);
        var expectedId = frame.Contains("\"id\":99") ? JsonValue.Create(99) : null;
        var error = await client.WaitForResponseAsync(expectedId);
        Assert.Equal(code, (int)error["error"]!["code"]!);
        // No internals in the reply: no error data, no stack frames.
        Assert.Null(error["error"]!["data"]);
        Assert.DoesNotContain("   at ", error["error"]!.ToJsonString());

        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 8));
        Assert.Contains("LoRA", hover["result"]!["contents"]!["value"]!.ToString());
    }

    /// <summary>Bad header blocks, each followed directly by a good frame the server must still read.</summary>
    public static TheoryData<string, string> BadHeaders => new()
    {
        { "negative length", "Content-Length: -5\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}" },
        { "not a number", "Content-Length: abc\r\n\r\n{}" },
        { "exponent", "Content-Length: 1e12\r\n\r\n{}" },
        { "too many digits", "Content-Length: 99999999999999\r\n\r\n{}" },
        { "a NUL", "Content-\0Length: 2\r\n\r\n{}" },
        { "no header at all", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}" },
        { "junk without a line break", "garbage bytes \u00ff\u00fe" },
        { "junk line", "hello\r\n" },
        { "header without length", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}" },
        { "two lengths", "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}" },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public async Task A_bad_header_is_answered_and_the_next_frame_is_read(string name, string junk)
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "We use LoRA.");
        var frame = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 55, ["method"] = "textDocument/hover", ["params"] = InProcessClient.Position(Uri, 0, 8),
        }.ToJsonString());
        byte[] bytes = [.. Encoding.Latin1.GetBytes(junk), .. Encoding.ASCII.GetBytes($"Content-Length: {frame.Length}\r\n\r\n"), .. frame];
        await client.SendBytesAsync(bytes);
        var error = await client.WaitForResponseAsync(null);
        Assert.Equal(-32700, (int)error["error"]!["code"]!);
        var hover = await client.WaitForResponseAsync(55);
        Assert.True(hover["result"]?["contents"] is not null, $"{name}: {hover.ToJsonString()}");
        // The request hidden in the bad frame (shutdown) was skipped: the server still serves.
        var again = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 8));
        Assert.NotNull(again["result"]);
    }

    [Fact]
    public async Task A_header_split_across_writes_is_read()
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "We use LoRA.");
        var frame = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 56, ["method"] = "textDocument/hover", ["params"] = InProcessClient.Position(Uri, 0, 8),
        }.ToJsonString());
        byte[] bytes = [.. Encoding.ASCII.GetBytes($"Content-Length: {frame.Length}\r\n\r\n"), .. frame];
        foreach (var b in bytes) await client.SendBytesAsync([b]);
        var hover = await client.WaitForResponseAsync(56);
        Assert.NotNull(hover["result"]?["contents"]);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":null}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":[1]}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":-32603,\"message\":\"no\"}}")]
    public async Task A_response_to_no_request_of_ours_is_dropped(string response)
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "We use LoRA.");
        await client.SendRawAsync(response);
        await client.SendRawAsync(response);
        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 8));
        Assert.Contains("LoRA", hover["result"]!["contents"]!["value"]!.ToString());
        Assert.False(client.ServerTask.IsCompleted);
    }

    [Theory]
    [InlineData("\\ud800", 1)]          // a lone high surrogate
    [InlineData("\\udc00", 1)]          // a lone low surrogate
    [InlineData("\\udc00\\ud800", 2)]  // the halves in the wrong order
    [InlineData("\\ud800x", 2)]
    [InlineData("\\ud83d\\ude00", 2)]  // a proper pair, for comparison
    public async Task A_lone_surrogate_becomes_U_FFFD_and_the_document_stays_in_step(string escape, int units)
    {
        await using var client = await InProcessClient.StartAsync();
        // didOpen with a lone surrogate, then an incremental edit after it: the server's text must be what a
        // client holding U+FFFD in its place has.
        await client.SendRawAsync("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + Uri + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"a" + escape + "b Lora\\n\"}}}");
        await client.SendRawAsync("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"" + Uri + "\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"" + escape + "\"}]}}");
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (int?)p["version"] == 2);
        var range = published["diagnostics"]![0]!["range"]!;
        // "Lora" starts after two copies of the escape and "b ".
        Assert.Equal(2 * units + 3, (int)range["start"]!["character"]!);
    }

    [Fact]
    public void Lone_surrogate_escapes_are_replaced_in_place_and_pairs_and_escaped_backslashes_are_kept()
    {
        static string Fix(string json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            LspMessageHandler.ReplaceLoneSurrogateEscapes(bytes);
            return Encoding.UTF8.GetString(bytes);
        }
        Assert.Equal("\"\\ufffd\"", Fix("\"\\ud800\""));
        Assert.Equal("\"\\ud83d\\ude00\"", Fix("\"\\ud83d\\ude00\""));          // a pair stays
        Assert.Equal("\"\\\\ud800\"", Fix("\"\\\\ud800\""));                  // an escaped backslash, then text
        Assert.Equal("{\"a\\\"\":\"\\ufffd\\ufffd\"}", Fix("{\"a\\\"\":\"\\udc00\\ud800\"}"));
        Assert.Equal("\"\\ufffd", Fix("\"\\ud800"));                            // an unterminated string: the parser refuses it later
    }

    [Fact]
    public async Task Requests_before_initialize_and_after_shutdown_are_refused()
    {
        var client = new InProcessClient(Path.Combine(AppContext.BaseDirectory, "Fixtures"));
        var early = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 0));
        Assert.Equal(-32002, (int)early["error"]!["code"]!);
        await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        var shutdown = await client.RequestAsync("shutdown", null);
        Assert.True(shutdown.ContainsKey("result"));
        var late = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 0));
        Assert.Equal(-32600, (int)late["error"]!["code"]!);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.ServerTask.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_cancelled_request_answers_minus_32800_and_the_server_keeps_serving()
    {
        await using var client = await InProcessClient.StartAsync();
        // A large document takes a while to analyse, so a hover on it is still waiting when the cancel arrives.
        // Cancellation is best effort in LSP (a cancel may overtake its request, or come after the answer), so
        // the client repeats the cancel until the answer comes, and the experiment runs up to three times:
        // every answer must be -32800 or a hover, and at least one must be -32800.
        string big = string.Concat(Enumerable.Repeat("Some prose about LoRA, RLHF and 检索增强生成 in a paragraph.\n\n", 120_000));
        var outcomes = new List<string>();
        for (int attempt = 0; attempt < 3 && !outcomes.Contains("-32800"); attempt++)
        {
            string uri = $"file:///big{attempt}.md", id = $"h{attempt}";
            var open = new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["method"] = "textDocument/didOpen",
                ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = big } },
            };
            var hoverRequest = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "textDocument/hover", ["params"] = InProcessClient.Position(uri, 0, 18) };
            var cancel = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = id } };
            // The document, the hover and a first cancel arrive in one read.
            await client.SendRawFramesAsync(open.ToJsonString(), hoverRequest.ToJsonString(), cancel.ToJsonString());
            var answer = client.WaitForResponseAsync(JsonValue.Create(id));
            while (!answer.IsCompleted)
            {
                await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
                await Task.WhenAny(answer, Task.Delay(20));
            }
            var response = await answer;
            outcomes.Add(response["error"] is { } error ? ((int)error["code"]!).ToString() : response["result"] is not null ? "hover" : "null");
        }
        Assert.All(outcomes, outcome => Assert.Contains(outcome, new[] { "-32800", "hover" }));
        Assert.Contains("-32800", outcomes);

        await client.OpenAsync(Uri, "We use LoRA.");
        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 8));
        Assert.NotNull(hover["result"]);
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using var client = await InProcessClient.StartAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.ServerTask.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Out_of_range_positions_and_unknown_documents_answer_null()
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "LoRA");
        Assert.Null((await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 99, 0)))["result"]);
        // A character past the line's end means the line's end (LSP 3.17): the end of "LoRA".
        Assert.Equal((await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 4)))["result"]!.ToJsonString(),
            (await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 99)))["result"]!.ToJsonString());
        Assert.Null((await client.RequestAsync("textDocument/hover", InProcessClient.Position("file:///none.md", 0, 0)))["result"]);
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///none.md", ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "x" }),
        });
        Assert.NotNull((await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 1)))["result"]);
    }

    [Fact]
    public async Task Incremental_edits_publish_diagnostics_with_their_version()
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "使用Lora微调");
        var first = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (int?)p["version"] == 1);
        Assert.Equal(2, (int)first["diagnostics"]![0]!["range"]!["start"]!["character"]!);

        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 0, ["character"] = 0 } },
                ["text"] = "😀",
            }),
        });
        var second = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (int?)p["version"] == 2);
        var range = second["diagnostics"]![0]!["range"]!;
        Assert.Equal((4, 8), ((int)range["start"]!["character"]!, (int)range["end"]!["character"]!));
        Assert.Equal("glossary.wrong-variant", (string?)second["diagnostics"]![0]!["code"]);
    }

    [Fact]
    public async Task Settings_change_severity_and_turn_diagnostics_off()
    {
        await using var client = await InProcessClient.StartAsync();
        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"lspGlossary":{"diagnostics":{"severity":"error"}}}}"""));
        await client.OpenAsync(Uri, "Lora");
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p["diagnostics"]!.AsArray().Count == 1);
        Assert.Equal(1, (int)published["diagnostics"]![0]!["severity"]!);

        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"lspGlossary":{"diagnostics":{"enable":false}}}}"""));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p["diagnostics"]!.AsArray().Count == 0);
    }

    [Fact]
    public async Task Chinese_locale_puts_the_chinese_definition_first()
    {
        await using var client = await InProcessClient.StartAsync(locale: "zh-CN");
        await client.OpenAsync(Uri, "LoRA");
        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 1));
        string text = hover["result"]!["contents"]!["value"]!.ToString();
        Assert.True(text.IndexOf("测试用", StringComparison.Ordinal) < text.IndexOf("Test definition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_embedded_glossary_hover_names_the_file_without_a_link_and_definition_is_null()
    {
        await using var client = await InProcessClient.StartAsync(embeddedGlossary: true,
            capabilitiesJson: """{"textDocument":{"hover":{"contentFormat":["markdown"]}}}""");
        await client.OpenAsync(Uri, "RLHF");
        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 1));
        string text = hover["result"]!["contents"]!["value"]!.ToString();
        Assert.Contains("Reinforcement Learning from Human Feedback", text);
        Assert.Matches(@"_ · training\.yaml:\d+$", text); // the file is inside the binary: nothing to link to
        var definition = await client.RequestAsync("textDocument/definition", InProcessClient.Position(Uri, 0, 1));
        Assert.Equal(JsonValueKind.Null, definition["result"]?.GetValueKind() ?? JsonValueKind.Null);
        Assert.Null(definition["error"]);
    }
}
