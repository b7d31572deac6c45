namespace Deconflict.Core.Surveillance;

/// <summary>
/// The DO-365 alert level of one pair across detection cycles, with the alerting hysteresis NASA
/// DAIDALUS applies: the level reported is the highest one computed in at least M of the last N
/// cycles (so a single noisy cycle neither raises nor drops an alert), a raised level persists for
/// <see cref="Do365HysteresisOptions.PersistenceS"/> before it may be lowered, and the history
/// starts again (from the level of that cycle) when no cycle came for
/// <see cref="Do365HysteresisOptions.ResetS"/> or time went backwards. Not thread-safe.
/// </summary>
public sealed class Do365Hysteresis
{
    private readonly Do365HysteresisOptions _options;
    private readonly int[] _window;
    private int _next;
    private double _lastS = double.NaN;
    private double _raisedS = double.NaN;

    public Do365Hysteresis(Do365HysteresisOptions options)
    {
        options.Validate();
        _options = options;
        _window = new int[options.N];
    }

    /// <summary>The level after the last <see cref="Update"/> (0 none, 1 preventive, 2 corrective, 3 warning).</summary>
    public int Level { get; private set; }

    /// <summary>Adds the level <paramref name="raw"/> computed at <paramref name="timeS"/>; returns the level to report.</summary>
    public int Update(int raw, double timeS)
    {
        raw = Math.Clamp(raw, 0, 3);
        if (double.IsNaN(_lastS) || timeS <= _lastS || timeS - _lastS > _options.ResetS)
        {
            // A fresh history: the first cycle counts N times, so a new conflict is alerted at once.
            Array.Fill(_window, raw);
            _next = 0;
            _raisedS = double.NaN;
            Level = 0;
        }
        _window[_next] = raw;
        _next = (_next + 1) % _window.Length;
        var mOfN = MOfN();
        var persisting = Level > 0 && mOfN < Level && !double.IsNaN(_raisedS) && timeS - _raisedS < _options.PersistenceS;
        if (!persisting)
        {
            if (mOfN > Level)
            {
                _raisedS = timeS;
            }
            Level = mOfN;
        }
        _lastS = timeS;
        return Level;
    }

    /// <summary>The highest level L such that at least M of the last N levels are L or higher (0 when none is).</summary>
    private int MOfN()
    {
        for (var level = 3; level >= 1; level--)
        {
            var count = 0;
            foreach (var v in _window)
            {
                if (v >= level)
                {
                    count++;
                }
            }
            if (count >= _options.M)
            {
                return level;
            }
        }
        return 0;
    }
}
