using Deconflict.Core.Strategic;

namespace Deconflict.Core.Ground;

/// <summary>
/// A notified static humanitarian site (clinic, school, warehouse, water point…). A Point site is a circle of
/// its protection radius; a Polygon site is its outline widened by <paramref name="MarginM"/>. The validity window
/// is open-ended when a bound is null. Notification does not change what the law protects: an un-notified site
/// is just as protected, so the checks here only add warnings, never permissions.
/// </summary>
/// <param name="Id">The site id, unique among sites.</param>
/// <param name="Organisation">The notifying party.</param>
/// <param name="Category">A lower-case word, usually one of <see cref="SiteCategories.Sites"/>.</param>
/// <param name="Area">A <see cref="CircleShape"/> (point + protection radius) or a <see cref="PolygonShape"/>.</param>
/// <param name="MarginM">Extra protection margin around a polygon (0 for points: their radius holds it).</param>
/// <param name="ValidFrom">Start of validity, or null for always.</param>
/// <param name="ValidTo">End of validity (exclusive), or null for open-ended.</param>
/// <param name="OrganisationName">The organisation's display name as notified.</param>
/// <param name="Notes">Free text for the parties (e.g. "40 beds").</param>
/// <param name="Name">The site's display name (e.g. "Field hospital").</param>
public sealed record HumanitarianSite(
    string Id,
    string Organisation,
    string Category,
    VolumeShape Area,
    double MarginM,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    string? OrganisationName,
    string? Notes,
    string? Name = null)
{
    /// <summary>Protection radius of a Point site when none is notified: a clinic plus its immediate surroundings.</summary>
    public const double DefaultRadiusM = 250;

    public bool IsActiveAt(DateTimeOffset t) => GroundTime.Contains(ValidFrom, ValidTo, t);
}
