using Deconflict.Core.Strategic;
using Deconflict.Hub.Access;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Intents;

/// <summary>
/// Makes probing for hidden intents visible and expensive. Every check whose answer involves another party's intents
/// that the prober may not fully see is told to that party (event <c>probe</c> and an audit entry: who attempted what,
/// when, where it met the party's intents) and counted; once a prober has had its budget of such answers about one
/// party within the window, every intent write it makes is refused with 429 until the window has passed, whatever the
/// geometry, so the refusal itself says nothing. All reads and writes run inside the caller's write transaction.
/// </summary>
public sealed class ProbeGuard(NeedToKnow needToKnow, IOptions<DisclosureOptions> options)
{
    private DisclosureOptions O => options.Value;

    /// <summary>
    /// The conflict answers <paramref name="prober"/> received within the window, per other party, read once per
    /// write: whether it is refused now, and the counts that <see cref="RecordAsync"/> goes on from.
    /// </summary>
    public async Task<ProbeWindow> ReadAsync(IHubWriter w, string prober)
    {
        ArgumentNullException.ThrowIfNull(w);
        return Window(w, prober, await w.ProbeAnswersSinceAsync(prober, Since(w)).ConfigureAwait(false));
    }

    /// <summary>Where the window of a write at <see cref="IHubWriter.Now"/> begins.</summary>
    public DateTimeOffset Since(IHubWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return w.Now - O.ProbeWindow;
    }

    /// <summary>The window from answers already read (since <see cref="Since"/>) inside the write.</summary>
    public ProbeWindow Window(IHubWriter w, string prober, IReadOnlyList<(string Victim, int Count, DateTimeOffset Oldest)> answers)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(answers);
        TimeSpan? wait = null;
        foreach (var (_, count, oldest) in answers)
        {
            if (O.ProbeBudget > 0 && count >= O.ProbeBudget)
            {
                var left = oldest + O.ProbeWindow - w.Now;
                wait = wait is { } x && x > left ? x : left;
            }
        }
        var refusal = wait is { } t ? (t < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : t) : (TimeSpan?)null;
        return new ProbeWindow(prober, answers.ToDictionary(x => x.Victim, x => x.Count, StringComparer.Ordinal), refusal);
    }

    /// <summary>Tells and counts, per other party whose intents the answer involves and who does not share everything with the prober.</summary>
    public async Task RecordAsync(IHubWriter w, ProbeWindow window, OperationalIntent candidate, IReadOnlyList<StrategicConflict> found, bool blocked)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(found);
        var prober = window.Prober;
        var counts = window.Counts;
        foreach (var byVictim in found.Where(c => !needToKnow.SharesAll(c.Party2, prober)).GroupBy(c => c.Party2, StringComparer.Ordinal))
        {
            var victim = byVictim.Key;
            await w.RecordProbeAnswerAsync(prober, victim).ConfigureAwait(false);
            var used = counts.GetValueOrDefault(victim) + 1;
            var exhausted = O.ProbeBudget > 0 && used == O.ProbeBudget;
            // The victim learns who probed which of its intents, when and with what answer; nothing of the prober's
            // own candidate (that is the prober's to share), so telling is no leak the other way.
            var told = HubJson.Serialize(new
            {
                prober,
                at = w.Now,
                outcome = blocked ? "blocked" : "conflict",
                your_intents = byVictim.Select(c => new { intent_id = c.IntentId2, blocking = c.Blocking }).ToList(),
                answers_in_window = used,
                budget = O.ProbeBudget,
            });
            await w.AppendEventAsync("probe", prober, "", [victim], told).ConfigureAwait(false);
            await w.AppendAuditAsync(prober, "intent.probe", "party", prober, [victim], told).ConfigureAwait(false);
            if (exhausted)
            {
                var refused = HubJson.Serialize(new
                {
                    prober,
                    at = w.Now,
                    outcome = "budget_exhausted",
                    budget = O.ProbeBudget,
                    window_s = (long)O.ProbeWindow.TotalSeconds,
                    detail = "Every intent write of this party is refused (429) until the window has passed.",
                });
                await w.AppendEventAsync("probe", prober, "", [victim], refused).ConfigureAwait(false);
                await w.AppendAuditAsync(prober, "intent.probe.budget_exhausted", "party", prober, [victim], refused).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The answers per other party once <see cref="RecordAsync"/> has recorded <paramref name="found"/> on <paramref name="window"/>.</summary>
    public Dictionary<string, int> CountsAfter(ProbeWindow window, IReadOnlyList<StrategicConflict> found)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(found);
        var counts = new Dictionary<string, int>(window.Counts, StringComparer.Ordinal);
        foreach (var victim in found.Where(c => !needToKnow.SharesAll(c.Party2, window.Prober)).Select(c => c.Party2).Distinct(StringComparer.Ordinal))
        {
            counts[victim] = counts.GetValueOrDefault(victim) + 1;
        }
        return counts;
    }

    /// <summary>
    /// Tells and counts an offered alternative like a conflict answer, for each party whose hidden intents refused its
    /// smaller moves (<paramref name="shapedBy"/>): one answer per alternative, since it places one edge of them to one
    /// grid step. False, with nothing recorded, when it would use up the budget with one of them, so that offering an
    /// alternative never costs the prober the write it offers. <paramref name="counts"/> goes on from the window read in this write.
    /// </summary>
    public async Task<bool> RecordAlternativeAsync(IHubWriter w, string prober, Dictionary<string, int> counts, string alternative, IReadOnlyList<StrategicConflict> shapedBy)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(shapedBy);
        var victims = shapedBy.Where(c => !needToKnow.SharesAll(c.Party2, prober)).GroupBy(c => c.Party2, StringComparer.Ordinal).ToList();
        if (O.ProbeBudget > 0 && victims.Any(v => counts.GetValueOrDefault(v.Key) + 1 >= O.ProbeBudget))
        {
            return false;
        }
        foreach (var byVictim in victims)
        {
            var victim = byVictim.Key;
            await w.RecordProbeAnswerAsync(prober, victim).ConfigureAwait(false);
            counts[victim] = counts.GetValueOrDefault(victim) + 1;
            var told = HubJson.Serialize(new
            {
                prober,
                at = w.Now,
                outcome = "alternative",
                alternative,
                your_intents = byVictim.Select(c => new { intent_id = c.IntentId2, blocking = c.Blocking }).ToList(),
                answers_in_window = counts[victim],
                budget = O.ProbeBudget,
            });
            await w.AppendEventAsync("probe", prober, "", [victim], told).ConfigureAwait(false);
            await w.AppendAuditAsync(prober, "intent.probe", "party", prober, [victim], told).ConfigureAwait(false);
        }
        return true;
    }
}

/// <summary>
/// What <see cref="ProbeGuard.ReadAsync"/> found for one prober: its conflict answers per other party within the window,
/// and, when it has used up its budget with one of them, how long until it may write intents again.
/// </summary>
public sealed record ProbeWindow(string Prober, IReadOnlyDictionary<string, int> Counts, TimeSpan? Refusal);
