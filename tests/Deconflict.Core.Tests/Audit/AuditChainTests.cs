using System.Security.Cryptography;
using System.Text;
using Deconflict.Core.Audit;

namespace Deconflict.Core.Tests.Audit;

public class AuditChainTests
{
    [Fact]
    public void First_entry_links_to_sixty_four_zeros_and_later_entries_to_their_predecessor()
    {
        using var signer = AuditSigner.CreateEphemeral();
        var log = AuditLogBuilder.Build(signer, 4);
        log[0].Sequence.ShouldBe(1);
        log[0].PreviousHash.ShouldBe(new string('0', 64));
        for (var i = 1; i < log.Count; i++)
        {
            log[i].Sequence.ShouldBe(i + 1);
            log[i].PreviousHash.ShouldBe(log[i - 1].EntryHash);
        }
    }

    [Fact]
    public void Content_hash_is_sha256_of_the_utf8_content()
    {
        using var signer = AuditSigner.CreateEphemeral();
        var entry = AuditLogBuilder.Build(signer, 1)[0];
        entry.ContentHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.ContentJson))));
    }

    [Fact]
    public void Entry_hash_follows_the_documented_length_prefixed_encoding()
    {
        // Independent re-implementation of the encoding described in AuditEncoding's documentation.
        using var signer = AuditSigner.CreateEphemeral();
        var e = AuditLogBuilder.Build(signer, 2)[1];
        var fields = new List<string> { "deconflict.audit.v1", "2", "2026-03-01T12:00:01.123456Z", e.Actor, e.Action, e.ObjectType, e.ObjectId, "2" };
        fields.AddRange(e.Visibility);
        fields.Add(e.ContentHash);
        fields.Add(e.PreviousHash);
        var bytes = new List<byte>();
        foreach (var f in fields)
        {
            var b = Encoding.UTF8.GetBytes(f);
            bytes.AddRange([(byte)(b.Length >> 24), (byte)(b.Length >> 16), (byte)(b.Length >> 8), (byte)b.Length]);
            bytes.AddRange(b);
        }
        e.EntryHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
    }

    [Fact]
    public void Time_is_kept_to_the_microsecond_in_utc_and_never_runs_backwards()
    {
        using var signer = AuditSigner.CreateEphemeral();
        var chain = new AuditChain(signer);
        var first = chain.Next(null, new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(9), "a", "x", "t", "1", ["*"], "{}");
        first.Time.ShouldBe(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        first.Time.Offset.ShouldBe(TimeSpan.Zero);
        var second = chain.Next(first, first.Time.AddSeconds(-5), "a", "x", "t", "1", ["*"], "{}");
        second.Time.ShouldBe(first.Time);
    }

    [Fact]
    public void Every_entry_is_signed_over_its_entry_hash()
    {
        using var signer = AuditSigner.CreateEphemeral();
        foreach (var e in AuditLogBuilder.Build(signer, 3))
        {
            signer.PublicKey.Verify(e.EntryHash, e.Signature!).ShouldBeTrue();
            signer.PublicKey.Verify(AuditLogBuilder.Build(signer, 1)[0].ContentHash, e.Signature!).ShouldBeFalse();
        }
    }

    [Fact]
    public void Content_is_blinded_with_a_random_nonce_so_equal_entries_hash_differently()
    {
        using var signer = AuditSigner.CreateEphemeral();
        var chain = new AuditChain(signer);
        var a = chain.Next(null, AuditLogBuilder.Start, "a", "x", "t", "1", ["*"], """{"id":"INT-1"}""");
        var b = chain.Next(null, AuditLogBuilder.Start, "a", "x", "t", "1", ["*"], """{"id":"INT-1"}""");
        a.EntryHash.ShouldNotBe(b.EntryHash);
        a.ContentHash.ShouldNotBe(b.ContentHash);
        using var document = System.Text.Json.JsonDocument.Parse(a.ContentJson);
        document.RootElement.GetProperty("audit_nonce").GetString()!.Length.ShouldBe(22);
        document.RootElement.GetProperty("id").GetString().ShouldBe("INT-1");
        AuditChain.Blind("{}").ShouldStartWith("{\"audit_nonce\":\"");
        AuditChain.Blind("{}").ShouldEndWith("\"}");
        AuditChain.Blind("[1,2]").ShouldEndWith(",\"content\":[1,2]}");
        AuditChain.Blind("not json").ShouldEndWith(",\"content_text\":\"not json\"}");
        foreach (var content in new[] { "{}", "{ \"a\" : [1] }", "[1,2]", "not json", "" })
        {
            System.Text.Json.JsonDocument.Parse(AuditChain.Blind(content)).Dispose();
        }
        var plain = new AuditChain(signer, blind: false).Next(null, AuditLogBuilder.Start, "a", "x", "t", "1", ["*"], "{}");
        plain.ContentJson.ShouldBe("{}");
    }

    [Fact]
    public void Visibility_is_sorted_and_deduplicated()
    {
        using var signer = AuditSigner.CreateEphemeral();
        var e = new AuditChain(signer).Next(null, AuditLogBuilder.Start, "a", "x", "t", "1", ["b", "a", "b"], "{}");
        e.Visibility.ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Receipt_formats_and_parses_back()
    {
        using var signer = AuditSigner.CreateEphemeral();
        var receipt = AuditLogBuilder.Build(signer, 3)[2].ToReceipt();
        var text = receipt.ToString();
        text.ShouldStartWith("3." + receipt.EntryHash + ".");
        AuditReceipt.Parse(text).ShouldBe(receipt);
        AuditReceipt.TryParse("3.abc.sig", out _).ShouldBeFalse();
        AuditReceipt.TryParse("0." + new string('a', 64) + ".sig", out _).ShouldBeFalse();
        AuditReceipt.TryParse(null, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => AuditReceipt.Parse("x.y.z"));
    }
}
