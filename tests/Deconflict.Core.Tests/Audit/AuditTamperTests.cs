using System.Text;
using Deconflict.Core.Audit;

namespace Deconflict.Core.Tests.Audit;

public class AuditTamperTests
{
    private readonly AuditSigner _signer = AuditSigner.CreateEphemeral();

    [Fact]
    public void An_untouched_log_verifies_with_its_key_and_receipt()
    {
        var log = AuditLogBuilder.Build(_signer, 6);
        var result = AuditLogBuilder.Verify(AuditLogBuilder.Export(log), _signer.PublicKey, log[5].ToReceipt());
        result.IsValid.ShouldBeTrue(result.Problem);
        result.Entries.ShouldBe(6);
        result.LastSequence.ShouldBe(6);
        result.SignaturesChecked.ShouldBeTrue();
        result.ReceiptsChecked.ShouldBe(1);
    }

    [Fact]
    public void Changing_a_byte_of_the_content_is_caught_at_that_sequence()
    {
        var lines = AuditLogBuilder.Export(AuditLogBuilder.Build(_signer, 5));
        lines[2] = lines[2].Replace("INT-2", "INT-7", StringComparison.Ordinal);
        var result = AuditLogBuilder.Verify(lines, _signer.PublicKey);
        result.IsValid.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(3);
    }

    [Fact]
    public void Every_single_byte_change_is_caught_or_leaves_the_log_unchanged()
    {
        var log = AuditLogBuilder.Build(_signer, 3);
        var text = Encoding.UTF8.GetBytes(string.Join('\n', AuditLogBuilder.Export(log)));
        for (var i = 0; i < text.Length; i++)
        {
            var copy = (byte[])text.Clone();
            copy[i] = (byte)(copy[i] == (byte)'0' ? '1' : copy[i] == (byte)'\n' ? ' ' : '0');
            var lines = Encoding.UTF8.GetString(copy).Split('\n');
            List<AuditExportLine> parsed;
            try
            {
                parsed = lines.Select((l, n) => AuditExport.ParseLine(l, n + 1)).ToList();
            }
            catch (AuditFormatException)
            {
                continue;
            }
            var result = AuditVerifier.Verify(parsed, _signer.PublicKey, [log[^1].ToReceipt()]);
            if (result.IsValid)
            {
                // Only a change of representation (e.g. a JSON escape) may pass: the entries must be identical.
                parsed.Select(p => AuditExport.FormatLine(p)).ShouldBe(AuditLogBuilder.Export(log), $"byte {i} changed undetected");
            }
        }
    }

    [Fact]
    public void Dropping_an_entry_is_caught_at_the_missing_sequence()
    {
        var lines = AuditLogBuilder.Export(AuditLogBuilder.Build(_signer, 5));
        lines.RemoveAt(2);
        var result = AuditLogBuilder.Verify(lines, _signer.PublicKey);
        result.IsValid.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(3);
        result.Problem!.ShouldContain("missing");
    }

    [Fact]
    public void Reordering_two_entries_is_caught()
    {
        var lines = AuditLogBuilder.Export(AuditLogBuilder.Build(_signer, 5));
        (lines[1], lines[2]) = (lines[2], lines[1]);
        var result = AuditLogBuilder.Verify(lines, _signer.PublicKey);
        result.IsValid.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(2);
    }

    [Fact]
    public void Renumbering_reordered_entries_still_breaks_the_hash_chain()
    {
        var log = AuditLogBuilder.Build(_signer, 4);
        var swapped = new[] { log[0], log[2] with { Sequence = 2 }, log[1] with { Sequence = 3 }, log[3] };
        var result = AuditLogBuilder.Verify(AuditLogBuilder.Export(swapped), _signer.PublicKey);
        result.IsValid.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(2);
    }

    [Fact]
    public void A_log_rewritten_and_resigned_with_another_key_fails_against_the_hub_key()
    {
        var log = AuditLogBuilder.Build(_signer, 5);
        using var forger = AuditSigner.CreateEphemeral();
        var chain = new AuditChain(forger);
        var forged = new List<AuditEntry> { log[0] };
        for (var i = 1; i < log.Count; i++)
        {
            var e = log[i];
            var content = i == 1 ? """{"id":"INT-1","note":"never declared"}""" : e.ContentJson;
            forged.Add(chain.Next(forged[^1], e.Time, e.Actor, e.Action, e.ObjectType, e.ObjectId, e.Visibility, content));
        }
        var lines = AuditLogBuilder.Export(forged);
        AuditLogBuilder.Verify(lines, null).IsValid.ShouldBeTrue("without the key only the chain can be checked");
        var result = AuditLogBuilder.Verify(lines, _signer.PublicKey);
        result.IsValid.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(2);
        result.Problem!.ShouldContain("signature");
    }

    [Fact]
    public void Truncating_the_end_after_a_receipt_was_issued_is_caught()
    {
        var log = AuditLogBuilder.Build(_signer, 6);
        var receipt = log[4].ToReceipt();
        var lines = AuditLogBuilder.Export(log.Take(4));
        AuditLogBuilder.Verify(lines, _signer.PublicKey).IsValid.ShouldBeTrue("a truncated log alone looks consistent");
        var result = AuditLogBuilder.Verify(lines, _signer.PublicKey, receipt);
        result.IsValid.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(5);
        result.Problem!.ShouldContain("truncated");
        AuditLogBuilder.Verify([], _signer.PublicKey, receipt).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void A_receipt_for_a_different_entry_at_the_same_sequence_is_caught()
    {
        var log = AuditLogBuilder.Build(_signer, 4);
        var other = new AuditChain(_signer).Next(log[1], log[2].Time, "party-0", "intent.put", "intent", "INT-2", ["*"], "{}");
        var result = AuditLogBuilder.Verify(AuditLogBuilder.Export(log), _signer.PublicKey, other.ToReceipt());
        result.Problem!.ShouldContain("receipt");
        result.IsValid.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(3);
    }

    [Fact]
    public void A_forged_receipt_is_refused()
    {
        var log = AuditLogBuilder.Build(_signer, 4);
        using var forger = AuditSigner.CreateEphemeral();
        var forged = new AuditReceipt(9, log[3].EntryHash, forger.Sign(log[3].EntryHash));
        AuditLogBuilder.Verify(AuditLogBuilder.Export(log), _signer.PublicKey, forged).Problem!.ShouldContain("not signed by this public key");
    }

    [Fact]
    public void A_first_entry_not_linked_to_genesis_is_caught()
    {
        var log = AuditLogBuilder.Build(_signer, 3);
        var result = AuditLogBuilder.Verify(AuditLogBuilder.Export(log.Skip(1)).Select(l => l.Replace("\"seq\":2", "\"seq\":1", StringComparison.Ordinal)), null);
        result.IsValid.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(1);
    }

    [Fact]
    public void Redacted_export_verifies_and_reveals_nothing_of_hidden_entries()
    {
        var log = AuditLogBuilder.Build(_signer, 9);
        var lines = AuditLogBuilder.Export(log, reader: "state-b");
        var result = AuditLogBuilder.Verify(lines, _signer.PublicKey, log[8].ToReceipt(), log[0].ToReceipt());
        result.IsValid.ShouldBeTrue(result.Problem);
        result.RedactedEntries.ShouldBe(3);
        result.FullEntries.ShouldBe(6);
        for (var i = 0; i < log.Count; i += 3)
        {
            lines[i].ShouldContain("\"redacted\":true");
            lines[i].ShouldNotContain(log[i].ObjectId);
            lines[i].ShouldNotContain(log[i].ContentHash);
            lines[i].ShouldNotContain("coalition");
        }
    }

    [Fact]
    public void A_partial_export_is_anchored_on_its_first_previous_hash()
    {
        var log = AuditLogBuilder.Build(_signer, 8);
        var lines = AuditLogBuilder.Export(log.Skip(3).Take(3));
        var result = AuditLogBuilder.Verify(lines, _signer.PublicKey, log[4].ToReceipt());
        result.IsValid.ShouldBeTrue(result.Problem);
        result.FirstSequence.ShouldBe(4);
        AuditLogBuilder.Verify(lines, _signer.PublicKey, log[1].ToReceipt()).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Malformed_lines_name_the_line_and_field()
    {
        var e = Should.Throw<AuditFormatException>(() => AuditExport.ParseLine("""{"v":1,"seq":"x"}""", 7));
        e.LineNumber.ShouldBe(7);
        e.Field.ShouldBe("seq");
        Should.Throw<AuditFormatException>(() => AuditExport.ParseLine("{not json", 2)).LineNumber.ShouldBe(2);
        Should.Throw<AuditFormatException>(() => AuditExport.ParseLine("""{"v":2,"seq":1}""", 1)).Field.ShouldBe("v");
    }

    [Fact]
    public void Export_lines_round_trip_exactly()
    {
        var log = AuditLogBuilder.Build(_signer, 3);
        foreach (var e in log)
        {
            AuditExport.ParseLine(AuditExport.FormatLine(e, null), 1).Entry.ShouldBeEquivalentTo(e);
        }
        AuditExport.FormatLine(log[0], null).ShouldContain("Ωмега");
    }
}
