namespace Deconflict.Core.Audit;

/// <summary>
/// Checks an exported log line by line, in constant memory: consecutive sequence numbers, each previous hash equal to
/// the entry hash before it (64 zeros before sequence 1), content and entry hashes recomputed for full entries,
/// Ed25519 signatures (when the hub's public key is given), and kept receipts: each must match the entry with its
/// sequence, and a receipt beyond the last entry proves the log was truncated. Stops at the first problem.
/// An export that starts after sequence 1 is anchored on its first previous hash; a receipt before it cannot be checked
/// and fails the verification rather than passing unseen.
/// </summary>
public sealed class AuditVerifier
{
    private readonly AuditPublicKey? _key;
    private readonly Dictionary<long, AuditReceipt> _receipts = [];
    private readonly HashSet<long> _receiptsSeen = [];
    private long _entries;
    private long _full;
    private long _redacted;
    private long? _first;
    private long _last;
    private string? _lastHash;
    private long? _badSequence;
    private string? _problem;

    public AuditVerifier(AuditPublicKey? key, IEnumerable<AuditReceipt>? receipts = null)
    {
        _key = key;
        foreach (var receipt in receipts ?? [])
        {
            _receipts[receipt.Sequence] = receipt;
        }
    }

    public bool Failed => _problem is not null;

    public static AuditVerification Verify(IEnumerable<AuditExportLine> lines, AuditPublicKey? key, IEnumerable<AuditReceipt>? receipts = null)
    {
        var verifier = new AuditVerifier(key, receipts);
        foreach (var line in lines)
        {
            if (!verifier.Add(line))
            {
                break;
            }
        }
        return verifier.Complete();
    }

    /// <summary>Checks the next line; false once the log is found bad (later lines are then ignored).</summary>
    public bool Add(AuditExportLine line)
    {
        if (Failed)
        {
            return false;
        }
        var s = line.Sequence;
        if (_first is null)
        {
            _first = s;
            if (s == 1 && line.PreviousHash != AuditEncoding.GenesisHash)
            {
                return Fail(1, "the first entry's previous hash is not 64 zeros");
            }
        }
        else
        {
            if (s != _last + 1)
            {
                return Fail(_last + 1, s <= _last
                    ? $"expected sequence {_last + 1}, found {s} again or out of order"
                    : $"expected sequence {_last + 1}, found {s}: entries are missing");
            }
            if (line.PreviousHash != _lastHash)
            {
                return Fail(s, $"previous hash does not match the entry hash of sequence {_last}");
            }
        }
        if (line.Entry is { } e)
        {
            if (AuditEncoding.ContentHash(e.ContentJson) != e.ContentHash)
            {
                return Fail(s, "content does not match its content hash");
            }
            if (AuditEncoding.EntryHash(e) != e.EntryHash)
            {
                return Fail(s, "entry hash does not match the entry's fields");
            }
            _full++;
        }
        else
        {
            _redacted++;
        }
        if (_key is not null)
        {
            if (line.Signature is null)
            {
                return Fail(s, "entry is not signed");
            }
            if (!_key.Verify(line.EntryHash, line.Signature))
            {
                return Fail(s, "signature does not verify with the hub's public key");
            }
        }
        if (_receipts.TryGetValue(s, out var receipt))
        {
            _receiptsSeen.Add(s);
            if (receipt.EntryHash != line.EntryHash)
            {
                return Fail(s, "entry differs from the one the kept receipt proves");
            }
        }
        _entries++;
        _last = s;
        _lastHash = line.EntryHash;
        return true;
    }

    public AuditVerification Complete()
    {
        if (!Failed)
        {
            foreach (var receipt in _receipts.Values.OrderBy(r => r.Sequence))
            {
                if (_key is not null && !_key.Verify(receipt.EntryHash, receipt.Signature))
                {
                    Fail(receipt.Sequence, $"receipt {receipt.Sequence} is not signed by this public key");
                    break;
                }
                if (_receiptsSeen.Contains(receipt.Sequence))
                {
                    continue;
                }
                if (_first is null || receipt.Sequence > _last)
                {
                    Fail(_first is null ? 1 : _last + 1,
                        $"the log ends at sequence {_last} but a receipt proves sequence {receipt.Sequence} was written: the log was truncated");
                    break;
                }
                Fail(receipt.Sequence, $"receipt {receipt.Sequence} is before this export's first sequence {_first}; it cannot be checked");
                break;
            }
        }
        return new AuditVerification(!Failed, _badSequence, _problem, _entries, _full, _redacted, _first,
            _first is null ? null : _last, _lastHash, _key is not null, _receiptsSeen.Count);
    }

    private bool Fail(long sequence, string problem)
    {
        _badSequence = sequence;
        _problem = problem;
        return false;
    }
}
