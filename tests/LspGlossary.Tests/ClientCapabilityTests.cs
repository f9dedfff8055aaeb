using System.Text.Json.Nodes;

namespace LspGlossary.Tests;

/// <summary>
/// Each client is answered in the form its capabilities ask for (LSP 3.17): Markdown or plain text, code action
/// literals or Commands, dynamic registration only when allowed, notifications only when asked for and never
/// after shutdown. The conformance suite (tests/e2e/conformance) checks the same with real clients' capability sets.
/// </summary>
public class ClientCapabilityTests
{
    private const string Uri = "file:///doc.md";

    private static JsonObject Caps(string json) => JsonNode.Parse(json)!.AsObject();

    private static readonly string Literals = """
        {"textDocument":{"hover":{"contentFormat":["markdown","plaintext"]},
          "completion":{"completionItem":{"documentationFormat":["markdown"],"insertReplaceSupport":true}},
          "codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}},
                        "dataSupport":true,"resolveSupport":{"properties":["edit"]}}},
         "workspace":{"applyEdit":true}}
        """;

    private static readonly string CommandsOnly = """{"workspace":{"applyEdit":true,"configuration":true}}""";

    private static JsonObject CodeActionParams(int line, int character, int endLine, int endCharacter, params string[] only)
    {
        var context = new JsonObject { ["diagnostics"] = new JsonArray() };
        if (only.Length > 0) context["only"] = new JsonArray(only.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray());
        return new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["range"] = Range(line, character, endLine, endCharacter),
            ["context"] = context,
        };
    }

    private static JsonObject Range(int line, int character, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    [Fact]
    public async Task Hover_and_completion_are_plain_text_unless_markdown_is_listed()
    {
        await using var plain = await InProcessClient.StartAsync(capabilities: Caps("""{"textDocument":{"hover":{"contentFormat":["plaintext"]}}}"""));
        await using var markdown = await InProcessClient.StartAsync(capabilities: Caps(Literals));
        foreach (var client in new[] { plain, markdown })
        {
            await client.OpenAsync(Uri, "We use LoRA.\nQL");
        }
        var plainHover = (await plain.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 8)))["result"]!["contents"]!;
        Assert.Equal("plaintext", (string?)plainHover["kind"]);
        Assert.StartsWith("LoRA — Low-Rank Adaptation", (string?)plainHover["value"]);
        Assert.DoesNotContain("**", (string?)plainHover["value"]);
        var markdownHover = (await markdown.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 8)))["result"]!["contents"]!;
        Assert.Equal("markdown", (string?)markdownHover["kind"]);
        Assert.StartsWith("**LoRA**", (string?)markdownHover["value"]);

        // Completion documentation: a plain string without documentationFormat, MarkupContent with markdown listed.
        var plainItem = (await plain.RequestAsync("textDocument/completion", InProcessClient.Position(Uri, 1, 2)))["result"]!["items"]![0]!;
        Assert.Equal(System.Text.Json.JsonValueKind.String, plainItem["documentation"]!.GetValueKind());
        Assert.DoesNotContain("**", (string?)plainItem["documentation"]);
        var markdownItem = (await markdown.RequestAsync("textDocument/completion", InProcessClient.Position(Uri, 1, 2)))["result"]!["items"]![0]!;
        Assert.Equal("markdown", (string?)markdownItem["documentation"]!["kind"]);
    }

    [Fact]
    public async Task Completion_replaces_the_whole_word_under_the_cursor()
    {
        await using var plain = await InProcessClient.StartAsync();
        await using var insertReplace = await InProcessClient.StartAsync(capabilities: Caps(Literals));
        foreach (var client in new[] { plain, insertReplace }) await client.OpenAsync(Uri, "We use Qlora here");

        var edit = (await plain.RequestAsync("textDocument/completion", InProcessClient.Position(Uri, 0, 9)))["result"]!["items"]![0]!["textEdit"]!;
        Assert.Equal("QLoRA", (string?)edit["newText"]);
        Assert.True(JsonNode.DeepEquals(Range(0, 7, 0, 12), edit["range"]), edit.ToJsonString());

        var both = (await insertReplace.RequestAsync("textDocument/completion", InProcessClient.Position(Uri, 0, 9)))["result"]!["items"]![0]!["textEdit"]!;
        Assert.Null(both["range"]);
        Assert.True(JsonNode.DeepEquals(Range(0, 7, 0, 9), both["insert"]), both.ToJsonString());
        Assert.True(JsonNode.DeepEquals(Range(0, 7, 0, 12), both["replace"]), both.ToJsonString());
    }

    [Fact]
    public async Task Completion_of_several_words_replaces_them_all_and_is_ranked()
    {
        await using var plain = await InProcessClient.StartAsync();
        await using var insertReplace = await InProcessClient.StartAsync(capabilities: Caps(Literals));
        foreach (var client in new[] { plain, insertReplace }) await client.OpenAsync(Uri, "We use the KV c\nWith L");

        var item = Assert.Single((await plain.RequestAsync("textDocument/completion", InProcessClient.Position(Uri, 0, 15)))["result"]!["items"]!.AsArray())!;
        Assert.Equal("KV cache", (string?)item["label"]);
        Assert.Equal("KV cache", (string?)item["textEdit"]!["newText"]);
        Assert.True(JsonNode.DeepEquals(Range(0, 11, 0, 15), item["textEdit"]!["range"]), item.ToJsonString());
        // VS Code filters on the text from the edit's start to the cursor: the filter text must start with it.
        Assert.StartsWith("KV c", (string?)item["filterText"], StringComparison.OrdinalIgnoreCase);
        var both = (await insertReplace.RequestAsync("textDocument/completion", InProcessClient.Position(Uri, 0, 15)))["result"]!["items"]![0]!["textEdit"]!;
        Assert.True(JsonNode.DeepEquals(Range(0, 11, 0, 15), both["insert"]), both.ToJsonString());

        // "L": LLM before LoRA (both terms start with it; the shorter first), whatever the glossary's order.
        var items = (await plain.RequestAsync("textDocument/completion", InProcessClient.Position(Uri, 1, 6)))["result"]!["items"]!.AsArray();
        var bySortText = items.OrderBy(i => (string?)i!["sortText"], StringComparer.Ordinal).Select(i => (string?)i!["label"]).ToList();
        Assert.Equal(["LLM", "LoRA"], bySortText);
    }

    [Fact]
    public async Task A_code_action_request_without_only_stays_small_on_a_big_document()
    {
        // 20,000 findings; a request for one line's actions must not carry the whole document's fix-all.
        string text = string.Concat(Enumerable.Repeat("We tune with Lora and Qlora.\n", 10_000));
        await using var client = await InProcessClient.StartAsync(capabilities: Caps("""{"textDocument":{"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix"]}}}}}"""));
        await client.OpenAsync(Uri, text);

        var any = await client.RequestAsync("textDocument/codeAction", CodeActionParams(5000, 14, 5000, 14));
        var actions = any["result"]!.AsArray();
        Assert.Equal(["Change 'Lora' to 'LoRA'", "Ignore 'Lora' on this line"], actions.Select(a => (string?)a!["title"]));
        Assert.True(any.ToJsonString().Length < 2_000, $"{any.ToJsonString().Length} characters");

        var fixAll = await client.RequestAsync("textDocument/codeAction", CodeActionParams(0, 0, 0, 0, "source"));
        var action = Assert.Single(fixAll["result"]!.AsArray());
        Assert.Equal("source.fixAll.lspGlossary", (string?)action!["kind"]);
        Assert.Equal(20_000, action["edit"]!["changes"]![Uri]!.AsArray().Count);
        Assert.Null(action["diagnostics"]);
    }

    [Fact]
    public async Task A_client_that_resolves_gets_a_fix_all_without_edit_and_resolves_it()
    {
        await using var client = await InProcessClient.StartAsync(capabilities: Caps(Literals));
        await client.OpenAsync(Uri, "Lora and Moe\nQlora");
        var actions = (await client.RequestAsync("textDocument/codeAction", CodeActionParams(0, 1, 0, 1)))["result"]!.AsArray();
        Assert.Equal(["quickfix", "quickfix", "source.fixAll.lspGlossary"], actions.Select(a => (string?)a!["kind"]));
        var deferred = actions[2]!;
        Assert.Null(deferred["edit"]);
        Assert.NotNull(deferred["data"]);

        var resolved = (await client.RequestAsync("codeAction/resolve", deferred.DeepClone()))["result"]!;
        Assert.Equal((string?)deferred["title"], (string?)resolved["title"]);
        var edits = resolved["edit"]!["changes"]![Uri]!.AsArray();
        Assert.Equal(["LoRA", "MoE", "QLoRA"], edits.Select(e => (string?)e!["newText"]));
    }

    [Fact]
    public async Task A_client_without_literals_gets_commands_that_the_server_applies_with_applyEdit()
    {
        var applied = new List<JsonNode>();
        await using var client = await InProcessClient.StartAsync(capabilities: Caps(CommandsOnly), requestHandler: request =>
        {
            if ((string?)request["method"] == "workspace/applyEdit")
            {
                applied.Add(request["params"]!.DeepClone());
                return new JsonObject { ["applied"] = applied.Count == 1, ["failureReason"] = applied.Count == 1 ? null : "read-only buffer" };
            }
            return new JsonArray((JsonNode?)null);
        });
        var init = client.Received.First(m => m["result"]?["capabilities"] is not null)["result"]!["capabilities"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.True, init["codeActionProvider"]!.GetValueKind());
        Assert.Equal(["lspGlossary.server.fix", "lspGlossary.server.fixAll", "lspGlossary.server.teamGlossary"], init["executeCommandProvider"]!["commands"]!.AsArray().Select(c => (string?)c));

        await client.OpenAsync(Uri, "Lora and Moe");
        var commands = (await client.RequestAsync("textDocument/codeAction", CodeActionParams(0, 1, 0, 1)))["result"]!.AsArray();
        Assert.Equal(["lspGlossary.server.fix", "lspGlossary.server.fix", "lspGlossary.server.fixAll"], commands.Select(c => (string?)c!["command"]));
        Assert.All(commands, c => { Assert.Null(c!["kind"]); Assert.Null(c["edit"]); Assert.NotNull(c["title"]); });

        // The client runs the quick fix: the server sends workspace/applyEdit with the edit, the client applies it.
        var quickFix = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = commands[0]!["command"]!.DeepClone(), ["arguments"] = commands[0]!["arguments"]!.DeepClone() });
        Assert.True(quickFix.ContainsKey("result") && quickFix["error"] is null, quickFix.ToJsonString());
        var edit = Assert.Single(applied)!["edit"]!["changes"]![Uri]!.AsArray().Single()!;
        Assert.Equal("LoRA", (string?)edit["newText"]);
        Assert.True(JsonNode.DeepEquals(Range(0, 0, 0, 4), edit["range"]));

        // The client refuses the second edit: the command fails with the client's reason, and the server keeps serving.
        var fixAll = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = commands[2]!["command"]!.DeepClone(), ["arguments"] = commands[2]!["arguments"]!.DeepClone() });
        Assert.Equal(-32803, (int)fixAll["error"]!["code"]!);
        Assert.Contains("read-only buffer", (string?)fixAll["error"]!["message"]);
        Assert.Equal(2, applied[1]!["edit"]!["changes"]![Uri]!.AsArray().Count);
        Assert.NotNull((await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 1)))["result"]);
    }

    [Fact]
    public async Task A_stale_quick_fix_command_is_refused()
    {
        var applied = 0;
        await using var client = await InProcessClient.StartAsync(capabilities: Caps(CommandsOnly), requestHandler: request =>
        {
            if ((string?)request["method"] == "workspace/applyEdit") applied++;
            return new JsonObject { ["applied"] = true };
        });
        await client.OpenAsync(Uri, "Lora");
        var command = (await client.RequestAsync("textDocument/codeAction", CodeActionParams(0, 1, 0, 1)))["result"]![0]!;
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "xx Lora" }),
        });
        var answer = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = command["command"]!.DeepClone(), ["arguments"] = command["arguments"]!.DeepClone() });
        Assert.Equal(-32803, (int)answer["error"]!["code"]!);
        Assert.Equal(0, applied);
        var unknown = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "rm -rf", ["arguments"] = new JsonArray() });
        Assert.Equal(-32602, (int)unknown["error"]!["code"]!);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Settings_are_pulled_even_when_registerCapability_is_never_answered_and_registration_needs_permission(bool dynamic)
    {
        var caps = Caps("""{"workspace":{"configuration":true,"didChangeWatchedFiles":{"dynamicRegistration":""" + (dynamic ? "true" : "false") + "}}}");
        var client = new InProcessClient(Path.Combine(AppContext.BaseDirectory, "Fixtures"))
        {
            RequestHandler = _ => new JsonArray(JsonNode.Parse("""{"diagnostics":{"severity":"error"}}""")),
        };
        client.Unanswered.Add("client/registerCapability");
        await using (client)
        {
            await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = caps });
            await client.NotifyAsync("initialized", new JsonObject());
            await client.OpenAsync(Uri, "Lora");
            // The pulled severity (error) reaches the diagnostics although registerCapability is never answered.
            await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p["diagnostics"]!.AsArray().Any(d => (int?)d!["severity"] == 1));
            var registrations = await WaitForReceivedAsync(client, 0, m => (string?)m["method"] == "client/registerCapability", TimeSpan.FromSeconds(1));
            Assert.Equal(dynamic ? 1 : 0, registrations.Count);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Status_notifications_go_only_to_clients_that_ask(bool asks)
    {
        var workspace = Directory.CreateTempSubdirectory("lspg-status-").FullName;
        try
        {
            // A broken glossary file: its problems are published just before the status would be sent.
            File.WriteAllText(Path.Combine(workspace, "team.glossary.yaml"), "terms:\n  - id: a\n    colour: red\n");
            await using var client = await InProcessClient.StartAsync(workspaceFolder: workspace,
                initializationOptions: asks ? new JsonObject { ["statusNotification"] = true } : null);
            await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => ((string?)p["uri"])!.EndsWith("team.glossary.yaml"));
            if (asks)
            {
                var status = await client.WaitForNotificationAsync("lspGlossary/status", _ => true);
                Assert.True((int)status["errors"]! > 0);
            }
            else
            {
                // Absence within a bound: without the option the status would follow the problems within milliseconds.
                Assert.Empty(await WaitForReceivedAsync(client, 0, m => (string?)m["method"] == "lspGlossary/status", TimeSpan.FromSeconds(1)));
            }
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    [Theory]
    [InlineData("""{"textDocument":{"hover":true,"codeAction":{"codeActionLiteralSupport":"yes"}},"workspace":[]}""")]
    [InlineData("""[]""")]
    [InlineData("""{"textDocument":{"hover":{"contentFormat":"markdown"}}}""")]
    public async Task Mistyped_capabilities_mean_not_supported_and_never_fail_initialize(string capabilities)
    {
        await using var client = await InProcessClient.StartAsync(capabilities: null, requestHandler: null, capabilitiesJson: capabilities);
        var init = client.Received.First(m => m["result"]?["capabilities"] is not null)["result"]!["capabilities"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.True, init["codeActionProvider"]!.GetValueKind());
        await client.OpenAsync(Uri, "LoRA");
        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 1));
        Assert.Equal("plaintext", (string?)hover["result"]!["contents"]!["kind"]);
    }

    [Fact]
    public async Task A_second_initialize_is_refused_and_the_session_goes_on()
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "LoRA");
        var again = await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = Caps(Literals) });
        Assert.Equal(-32600, (int)again["error"]!["code"]!);
        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri, 0, 1));
        Assert.Equal("plaintext", (string?)hover["result"]!["contents"]!["kind"]); // the first initialize's capabilities
    }

    [Fact]
    public async Task Nothing_is_sent_after_shutdown_is_answered()
    {
        // The client holds back its answer to workspace/configuration until shutdown was answered; the answer changes the
        // severity, which would republish the open document's diagnostics. None of it may reach the client.
        var client = new InProcessClient(Path.Combine(AppContext.BaseDirectory, "Fixtures")) { RequestHandler = _ => null };
        client.Unanswered.Add("workspace/configuration");
        await using (client)
        {
            await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = Caps("""{"workspace":{"configuration":true}}""") });
            await client.NotifyAsync("initialized", new JsonObject());
            await client.OpenAsync(Uri, "Lora");
            await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p["diagnostics"]!.AsArray().Count == 1);
            await client.WaitForNotificationAsync("workspace/configuration", _ => true);
            JsonNode pullId;
            lock (client.Received) pullId = client.Received.Last(m => (string?)m["method"] == "workspace/configuration")["id"]!.DeepClone();

            var shutdown = await client.RequestAsync("shutdown", null);
            int answered;
            lock (client.Received) answered = client.Received.IndexOf(shutdown);
            await client.SendRawAsync(new JsonObject
            {
                ["jsonrpc"] = "2.0", ["id"] = pullId, ["result"] = new JsonArray(JsonNode.Parse("""{"diagnostics":{"severity":"error"}}""")),
            }.ToJsonString());

            // Absence can only be checked within a bound: 2 s is far longer than the republication takes.
            Assert.Empty(await WaitForReceivedAsync(client, answered + 1, m => m["method"] is not null, TimeSpan.FromSeconds(2)));
            await client.NotifyAsync("exit", null);
            Assert.Equal(0, await client.ServerTask.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    /// <summary>
    /// The methods of the messages received from index <paramref name="from"/> on that match, as soon as there is one,
    /// or none when <paramref name="bound"/> has passed: how a test checks that something is not sent.
    /// </summary>
    private static async Task<List<string?>> WaitForReceivedAsync(InProcessClient client, int from, Func<JsonObject, bool> match, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            lock (client.Received)
            {
                var found = client.Received.Skip(from).Where(match).Select(m => (string?)m["method"]).ToList();
                if (found.Count > 0 || DateTime.UtcNow >= deadline) return found;
            }
            await Task.Delay(50);
        }
    }
}
