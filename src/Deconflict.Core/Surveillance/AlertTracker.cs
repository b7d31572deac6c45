namespace Deconflict.Core.Surveillance;

/// <summary>
/// Turns each detection cycle's predicted losses of separation into alert episodes with levels
/// and hysteresis. Per cycle: <see cref="Observe"/> every conflict, then <see cref="EndCycle"/>.
/// A new or more urgent conflict is raised at once; an alert is lowered or cleared only after the
/// weaker condition has held for <see cref="AlertOptions.HoldCycles"/> cycles and
/// <see cref="AlertOptions.HoldS"/> seconds (default 3 cycles and 10 s: about one report interval of a
/// sparse feed). Not thread-safe: one cycle at a time.
/// </summary>
public sealed class AlertTracker
{
    // Keyed by both aircraft with their parties: ids are unique per reporting party only.
    private readonly Dictionary<(string, string, string, string), AlertEpisode> _active = [];
    private long _cycle;
    private long _sequence;

    public AlertTracker(AlertOptions? options = null)
    {
        Options = options ?? new AlertOptions();
        Options.Validate();
    }

    public AlertOptions Options { get; }

    /// <summary>Episodes currently raised.</summary>
    public IReadOnlyCollection<AlertEpisode> Active => _active.Values;

    /// <summary>Records one conflict detected in the current cycle at <paramref name="timeS"/>; the ids may come in either order.</summary>
    public void Observe(AlertObservation observation, double timeS)
    {
        var c = string.CompareOrdinal(observation.Id1, observation.Id2);
        var o = (c != 0 ? c : string.CompareOrdinal(observation.Party1, observation.Party2)) <= 0 ? observation : Swap(observation);
        var level = Options.LevelFor(Math.Max(0, o.TInS));
        if (level == AlertLevel.None)
        {
            return;
        }
        if (_active.TryGetValue((o.Id1, o.Party1 ?? "", o.Id2, o.Party2 ?? ""), out var episode))
        {
            if (episode.SeenCycle == _cycle && level <= episode.ObservedLevel)
            {
                episode.ObservedDo365 = Math.Max(episode.ObservedDo365, o.Do365Level);
                return;
            }
            episode.Refresh(o, timeS);
        }
        else
        {
            episode = new AlertEpisode(++_sequence, o, timeS, AlertLevel.None);
            if (Options.Do365 is { } do365)
            {
                episode.Do365 = new Do365Hysteresis(do365);
            }
            _active.Add((o.Id1, o.Party1 ?? "", o.Id2, o.Party2 ?? ""), episode);
        }
        episode.ObservedDo365 = episode.SeenCycle == _cycle ? Math.Max(episode.ObservedDo365, o.Do365Level) : o.Do365Level;
        episode.SeenCycle = _cycle;
        episode.ObservedLevel = level;
    }

    /// <summary>Closes the cycle at <paramref name="timeS"/>: applies raising, lowering and clearing; appends what changed.</summary>
    public void EndCycle(double timeS, List<AlertChange> changes)
    {
        foreach (var (key, e) in _active)
        {
            var observed = e.SeenCycle == _cycle ? e.ObservedLevel : AlertLevel.None;
            var do365Changed = UpdateDo365(e, timeS);
            if (e.Level == AlertLevel.None)
            {
                e.Level = e.MaxLevel = observed;
                changes.Add(new AlertChange(AlertChangeKind.Raised, e, AlertLevel.None));
            }
            else if (observed > e.Level)
            {
                var previous = e.Level;
                e.Level = observed;
                e.MaxLevel = observed > e.MaxLevel ? observed : e.MaxLevel;
                e.WeakerCycles = 0;
                e.WeakerSinceS = double.NaN;
                changes.Add(new AlertChange(AlertChangeKind.LevelChanged, e, previous));
            }
            else if (observed == e.Level)
            {
                e.WeakerCycles = 0;
                e.WeakerSinceS = double.NaN;
                if (do365Changed)
                {
                    changes.Add(new AlertChange(AlertChangeKind.LevelChanged, e, e.Level));
                }
            }
            else
            {
                if (e.WeakerCycles++ == 0)
                {
                    e.WeakerSinceS = timeS;
                }
                if (e.WeakerCycles >= Options.HoldCycles && timeS - e.WeakerSinceS >= Options.HoldS)
                {
                    var previous = e.Level;
                    e.WeakerCycles = 0;
                    e.WeakerSinceS = double.NaN;
                    if (observed == AlertLevel.None)
                    {
                        e.ClearedS = timeS;
                        _active.Remove(key);
                        changes.Add(new AlertChange(AlertChangeKind.Cleared, e, previous));
                    }
                    else
                    {
                        e.Level = observed;
                        changes.Add(new AlertChange(AlertChangeKind.LevelChanged, e, previous));
                    }
                }
                else if (do365Changed)
                {
                    changes.Add(new AlertChange(AlertChangeKind.LevelChanged, e, e.Level));
                }
            }
        }
        _cycle++;
    }

    /// <summary>Feeds this cycle's DO-365 level (0 when the detector did not report the pair) through the episode's hysteresis; whether the level changed.</summary>
    private bool UpdateDo365(AlertEpisode e, double timeS)
    {
        if (e.Do365 is not { } hysteresis)
        {
            return false;
        }
        var before = e.Do365Level;
        e.Do365Level = hysteresis.Update(e.SeenCycle == _cycle ? e.ObservedDo365 : 0, timeS);
        e.MaxDo365Level = Math.Max(e.MaxDo365Level, e.Do365Level);
        return e.Do365Level != before;
    }

    private static AlertObservation Swap(in AlertObservation o) => o with
    {
        Id1 = o.Id2,
        Id2 = o.Id1,
        Party1 = o.Party2,
        Party2 = o.Party1,
        Lat1Deg = o.Lat2Deg,
        Lon1Deg = o.Lon2Deg,
        Alt1Ft = o.Alt2Ft,
        Lat2Deg = o.Lat1Deg,
        Lon2Deg = o.Lon1Deg,
        Alt2Ft = o.Alt1Ft,
    };
}
