using Deconflict.Core.Audit;

namespace Deconflict.Core.Tests.Audit;

/// <summary>Builds a small signed log with entries visible to different parties.</summary>
internal static class AuditLogBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static List<AuditEntry> Build(AuditSigner signer, int count)
    {
        var chain = new AuditChain(signer);
        var entries = new List<AuditEntry>(count);
        AuditEntry? last = null;
        for (var i = 0; i < count; i++)
        {
            string[] visibility = (i % 3) switch
            {
                0 => ["coalition"],
                1 => ["coalition", "state-b"],
                _ => [AuditEncoding.Everyone],
            };
            last = chain.Next(last, Start.AddSeconds(i).AddTicks(1234567), $"party-{i % 2}", "intent.put",
                "intent", $"INT-{i}", visibility, $$"""{"id":"INT-{{i}}","note":"Ωмега \"{{i}}\""}""");
            entries.Add(last);
        }
        return entries;
    }

    public static List<string> Export(IEnumerable<AuditEntry> entries, string? reader = null) =>
        entries.Select(e => AuditExport.FormatLine(e, reader)).ToList();

    public static AuditVerification Verify(IEnumerable<string> lines, AuditPublicKey? key, params AuditReceipt[] receipts) =>
        AuditVerifier.Verify(lines.Select((l, i) => AuditExport.ParseLine(l, i + 1)), key, receipts);
}
