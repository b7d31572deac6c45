using System.Globalization;
using Deconflict.Core.Surveillance;

namespace Deconflict.Cli.Replay;

/// <summary>
/// Writes alert episodes as <c>id1,id2,alert_t_s,level,los_t_s,los_end_t_s,cleared_t_s</c>: one row per
/// episode, times in the recording's epoch seconds (3 decimals), id1 &lt; id2, ordered by alert time.
/// <c>level</c> is the most urgent level the episode reached; <c>cleared_t_s</c> is empty for an
/// episode still active when the recording ended.
/// </summary>
internal static class AlertCsvWriter
{
    public const string Header = "id1,id2,alert_t_s,level,los_t_s,los_end_t_s,cleared_t_s";

    public static void Write(TextWriter writer, IEnumerable<AlertEpisode> episodes)
    {
        writer.Write(Header + "\n");
        foreach (var e in Ordered(episodes))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{e.Id1},{e.Id2},{e.RaisedS:F3},{LevelName(e.MaxLevel)},{e.LosStartS:F3},{e.LosEndS:F3},{(e.IsActive ? "" : e.ClearedS.ToString("F3", CultureInfo.InvariantCulture))}\n"));
        }
    }

    public static IEnumerable<AlertEpisode> Ordered(IEnumerable<AlertEpisode> episodes) =>
        episodes.OrderBy(e => e.RaisedS).ThenBy(e => e.Id1, StringComparer.Ordinal).ThenBy(e => e.Id2, StringComparer.Ordinal);

    public static string LevelName(AlertLevel level) => level switch
    {
        AlertLevel.Warning => "warning",
        AlertLevel.Caution => "caution",
        _ => "none",
    };
}
