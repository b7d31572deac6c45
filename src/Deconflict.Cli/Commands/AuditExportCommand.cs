using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict audit export --url URL --key API_KEY [--from N] [--to N] [--out FILE]</c>: downloads the caller's
/// redacted view of the log and the hub's public key (saved beside it as FILE.key) for an offline <c>audit verify</c>.
/// </summary>
internal static class AuditExportCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Hub base address, e.g. http://127.0.0.1:8080", Required = true };
        var key = new Option<string?>("--key") { Description = "Your API key (default: $DECONFLICT_API_KEY)." };
        var from = new Option<long?>("--from") { Description = "First sequence number to export." };
        var to = new Option<long?>("--to") { Description = "Last sequence number to export." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the NDJSON here (default: standard output)." };
        var command = new Command("export", "Download your view of a hub's audit log (NDJSON) and its public key.") { url, key, from, to, output };
        command.SetAction((parse, cancel) => RunAsync(parse.GetRequiredValue(url),
            parse.GetValue(key) ?? Environment.GetEnvironmentVariable("DECONFLICT_API_KEY"),
            parse.GetValue(from), parse.GetValue(to), parse.GetValue(output), cancel));
        return command;
    }

    private static async Task<int> RunAsync(string url, string? apiKey, long? from, long? to, FileInfo? output, CancellationToken cancel)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new InputException($"--url: '{url}' is not an http(s) address");
        }
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new InputException("--key: an API key is required (or set DECONFLICT_API_KEY)");
        }
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var query = new List<string>();
        if (from is { } f)
        {
            query.Add("from=" + f.ToString(CultureInfo.InvariantCulture));
        }
        if (to is { } t)
        {
            query.Add("to=" + t.ToString(CultureInfo.InvariantCulture));
        }
        var path = "api/v1/audit/export" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        try
        {
            var publicKey = await GetPublicKeyAsync(http, cancel);
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancel);
            await EnsureSuccessAsync(response, cancel);
            await using var body = await response.Content.ReadAsStreamAsync(cancel);
            if (output is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await body.CopyToAsync(stdout, cancel);
                Console.Error.WriteLine($"hub public key (Ed25519): {publicKey}");
                return 0;
            }
            await using (var file = File.Create(output.FullName))
            {
                await body.CopyToAsync(file, cancel);
            }
            var keyFile = output.FullName + ".key";
            await File.WriteAllTextAsync(keyFile, publicKey + "\n", cancel);
            Console.Error.WriteLine($"wrote {output.FullName} ({new FileInfo(output.FullName).Length} bytes) and the hub public key to {keyFile}");
            Console.Error.WriteLine($"check it with: deconflict audit verify {output.FullName} --key {keyFile}");
            return 0;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"error: cannot reach {baseUrl}: {e.Message}");
            return 1;
        }
    }

    private static async Task<string> GetPublicKeyAsync(HttpClient http, CancellationToken cancel)
    {
        using var response = await http.GetAsync("api/v1/audit/key", cancel);
        await EnsureSuccessAsync(response, cancel);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel));
        return json.RootElement.GetProperty("public_key").GetString() ?? "";
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var detail = await response.Content.ReadAsStringAsync(cancel);
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new InputException("--key: the hub refused the API key (401)"),
            HttpStatusCode.BadRequest => new InputException($"the hub refused the request: {detail}"),
            _ => new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}"),
        };
    }
}
