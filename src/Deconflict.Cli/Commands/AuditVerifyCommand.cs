using System.CommandLine;
using System.Text.Json;
using Deconflict.Core.Audit;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict audit verify FILE [--key PUBKEY] [--receipt RECEIPT]...</c>: checks an exported log offline.
/// Exit 0 when valid, 1 naming the first bad sequence, 2 for unreadable input.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Exported log (NDJSON, from GET /api/v1/audit/export or 'audit export')." };
        var key = new Option<string?>("--key")
        {
            Description = "The hub's Ed25519 public key: base64, or a file holding it (or the JSON of GET /api/v1/audit/key). Without it signatures are not checked.",
        };
        var receipts = new Option<string[]>("--receipt")
        {
            Description = "A kept Audit-Receipt (<seq>.<hash>.<signature>), or a file of them one per line. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("verify", "Check an exported audit log: hash chain, signatures and kept receipts.") { file, key, receipts };
        command.SetAction(parse => Run(parse.GetRequiredValue(file), parse.GetValue(key), parse.GetValue(receipts) ?? []));
        return command;
    }

    internal static int Run(FileInfo file, string? keyText, IReadOnlyList<string> receiptTexts)
    {
        var key = keyText is null ? null : ReadKey(keyText);
        var receipts = receiptTexts.SelectMany(ReadReceipts).ToList();
        if (!file.Exists)
        {
            throw new InputException($"{file.FullName}: file not found");
        }
        var verifier = new AuditVerifier(key, receipts);
        var progress = !Console.IsErrorRedirected;
        long lineNumber = 0;
        foreach (var text in File.ReadLines(file.FullName))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            AuditExportLine line;
            try
            {
                line = AuditExport.ParseLine(text, lineNumber);
            }
            catch (AuditFormatException e)
            {
                throw InputException.At(file.FullName, e.LineNumber, e.Field, e.Problem);
            }
            if (!verifier.Add(line))
            {
                break;
            }
            if (progress && lineNumber % 10_000 == 0)
            {
                Console.Error.Write($"\r  checked {lineNumber} lines...");
            }
        }
        if (progress && lineNumber >= 10_000)
        {
            Console.Error.Write("\r" + new string(' ', 40) + "\r");
        }
        var result = verifier.Complete();
        if (!result.IsValid)
        {
            Console.Error.WriteLine($"{file.FullName}: INVALID at sequence {result.FirstBadSequence}: {result.Problem}");
            Console.Out.WriteLine($"invalid: first bad sequence {result.FirstBadSequence}");
            return 1;
        }
        var range = result.FirstSequence is null ? "no entries" : $"sequences {result.FirstSequence}-{result.LastSequence}";
        Console.Out.WriteLine($"valid: {result.Entries} entries ({range}; {result.FullEntries} full, {result.RedactedEntries} redacted)");
        if (result.FirstSequence > 1)
        {
            Console.Out.WriteLine("  partial export: anchored on the previous hash of its first entry");
        }
        Console.Out.WriteLine(result.SignaturesChecked
            ? $"  signatures: all verified with Ed25519 key {key!.Base64}"
            : "  signatures: NOT checked (pass the hub's public key with --key)");
        Console.Out.WriteLine($"  receipts confirmed: {result.ReceiptsChecked}");
        if (result.LastEntryHash is not null)
        {
            Console.Out.WriteLine($"  last entry hash: {result.LastEntryHash}");
        }
        return 0;
    }

    private static AuditPublicKey ReadKey(string text)
    {
        var source = "--key";
        var value = text;
        if (File.Exists(text))
        {
            source = text;
            value = File.ReadAllText(text).Trim();
            if (value.StartsWith('{'))
            {
                try
                {
                    using var json = JsonDocument.Parse(value);
                    value = json.RootElement.TryGetProperty("public_key", out var k) && k.ValueKind == JsonValueKind.String
                        ? k.GetString()!
                        : throw new InputException($"{text}:1: field 'public_key': missing");
                }
                catch (JsonException e)
                {
                    throw new InputException($"{text}: not valid JSON: {e.Message}");
                }
            }
        }
        try
        {
            return AuditPublicKey.Parse(value);
        }
        catch (FormatException e)
        {
            throw new InputException($"{source}: {e.Message} (expected the base64 Ed25519 key of GET /api/v1/audit/key, or a file holding it)");
        }
    }

    private static IEnumerable<AuditReceipt> ReadReceipts(string text)
    {
        if (File.Exists(text))
        {
            var n = 0;
            foreach (var line in File.ReadLines(text))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                yield return ParseReceipt(line, $"{text}:{n}");
            }
            yield break;
        }
        yield return ParseReceipt(text, "--receipt");
    }

    private static AuditReceipt ParseReceipt(string text, string source)
    {
        var value = text.Trim();
        if (value.StartsWith(AuditReceipt.HeaderName + ":", StringComparison.OrdinalIgnoreCase))
        {
            value = value[(AuditReceipt.HeaderName.Length + 1)..].Trim();
        }
        try
        {
            return AuditReceipt.Parse(value);
        }
        catch (FormatException e)
        {
            throw new InputException($"{source}: {e.Message}");
        }
    }
}
