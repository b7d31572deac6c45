using System.Globalization;
using Deconflict.Core.Asterix;
using Deconflict.Core.Surveillance;

namespace Deconflict.Cli.Commands;

/// <summary>The ASTERIX options that several commands share: radar positions for CAT048 and the date of a raw file.</summary>
internal static class AsterixOptions
{
    /// <summary>A feed for <c>--radar SAC/SIC=LAT,LON[,H]</c> options and an optional <c>--date yyyy-MM-dd</c>.</summary>
    public static AsterixFeed Feed(IReadOnlyList<string> radarTexts, string? date, TrackAssociator? associator = null)
    {
        var radars = ParseRadars(radarTexts);
        double startDay = 0;
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new InputException($"option '--date': '{date}' is not a date yyyy-MM-dd");
            }
            startDay = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Subtract(DateTime.UnixEpoch).TotalSeconds;
        }
        return new AsterixFeed(radars, startDayS: startDay) { Associator = associator };
    }

    public static Dictionary<(int Sac, int Sic), RadarSite> ParseRadars(IReadOnlyList<string> texts)
    {
        var radars = new Dictionary<(int, int), RadarSite>();
        foreach (var text in texts)
        {
            if (!RadarSite.TryParseAssignment(text, out var radar, out var site, out var problem))
            {
                throw new InputException($"option '--radar': {problem}");
            }
            radars[radar] = site;
        }
        return radars;
    }
}
