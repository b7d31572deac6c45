namespace Deconflict.Hub.Dss;

/// <summary>Settings of the ASTM F3548-21 DSS interface, bound from the <c>F3548</c> configuration section.</summary>
public sealed class F3548Options
{
    /// <summary>The audience a token must name in <c>aud</c> (usually the hub's host name); empty = the DSS is off.</summary>
    public string? Audience { get; set; }

    /// <summary>Files with the token issuer's public keys: PEM (<c>-----BEGIN PUBLIC KEY-----</c> or a certificate) or a JWKS JSON file.</summary>
    public IList<string> PublicKeyFiles { get; } = [];

    /// <summary>Base URL at which USSs reach the hub's own USS endpoints (<c>/uss/v1/...</c>) for hub-owned intents.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Priority a USS's operational intent has in the hub's strategic check (F3548 priorities live in the details, not in the DSS).</summary>
    public int Priority { get; set; }

    /// <summary>Largest accepted outline: every shape must fit within this many metres of its centre.</summary>
    public double MaxRadiusM { get; set; } = 150_000;

    /// <summary>Longest subscription, from its start to its end.</summary>
    public TimeSpan MaxSubscriptionDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Clock skew tolerated on <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Audience);
}
