using System.Text.Json;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// <c>lspGlossary/bundledFile</c>: the text of a file of the glossary embedded in the binary, by the virtual URI that
/// workspace symbols and definitions give a client that asked for virtual documents (<see cref="BundledUri"/>).
/// Nothing but the embedded glossary files can be read: the URI names a resource, never a path, and nothing is read
/// from disk. A URI that is not one of ours is -32602; one of ours that names no embedded file answers null.
/// </summary>
public sealed class BundledFileEndpoint(Client client)
{
    [JsonRpcMethod(Methods.BundledFile, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> BundledFileAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.BundledFileParams, Methods.BundledFile);
        string file = BundledUri.ToFile(p.Uri) ?? throw Json.InvalidParams(Methods.BundledFile, $"the uri is not a {Methods.BundledScheme}: URI");
        return await Endpoint.Run(client, Methods.BundledFile, () =>
        {
            var text = GlossaryStore.EmbeddedText(file);
            return Task.FromResult(text is null ? Json.Null : Json.Write(new BundledFileResult(text), LspJsonContext.Default.BundledFileResult));
        }, cancellationToken);
    }
}
