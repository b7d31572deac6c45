using System.Collections.Concurrent;
using System.Text.Json;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Agreements;

/// <summary>
/// The active agreements, kept in memory (loaded at start, updated after every committed agreement change)
/// because the strategic check and the visibility rule consult them on every call.
/// </summary>
public sealed class AgreementBook
{
    private readonly ConcurrentDictionary<(string, string), (AgreementRecord Record, AgreementTerms Terms)> _active = new();

    public static readonly SeparationTerms DefaultSeparation = new(5, 1000, 300);

    public void Load(IEnumerable<AgreementRecord> agreements)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        _active.Clear();
        foreach (var a in agreements)
        {
            Apply(a);
        }
    }

    /// <summary>Records a committed agreement change.</summary>
    public void Apply(AgreementRecord agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var key = Key(agreement.Proposer, agreement.Counterparty);
        if (agreement.Status == AgreementStatus.Active)
        {
            _active[key] = (agreement, ParseTerms(agreement.TermsJson));
        }
        else if (_active.TryGetValue(key, out var current) && current.Record.Id == agreement.Id)
        {
            _active.TryRemove(key, out _);
        }
    }

    /// <summary>The active agreement between two parties, in either direction.</summary>
    public AgreementRecord? ActiveBetween(string a, string b) =>
        _active.TryGetValue(Key(a, b), out var v) ? v.Record : null;

    public AgreementTerms? TermsBetween(string a, string b) =>
        _active.TryGetValue(Key(a, b), out var v) ? v.Terms : null;

    /// <summary>What <paramref name="owner"/> shares with <paramref name="viewer"/>.</summary>
    public Sharing SharingOf(string owner, string viewer)
    {
        if (owner.Length > 0 && owner == viewer)
        {
            return Sharing.Full;
        }
        if (!_active.TryGetValue(Key(owner, viewer), out var v))
        {
            return Sharing.None;
        }
        return v.Record.Proposer == owner ? v.Terms.Sharing.ProposerToCounterparty : v.Terms.Sharing.CounterpartyToProposer;
    }

    public static AgreementTerms ParseTerms(string json) =>
        JsonSerializer.Deserialize<AgreementTerms>(json, HubJson.Options) ?? throw new InvalidDataException("agreement terms are empty");

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
