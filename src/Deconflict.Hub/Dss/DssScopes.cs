namespace Deconflict.Hub.Dss;

/// <summary>The F3548-21 OAuth scopes.</summary>
public static class DssScopes
{
    public const string StrategicCoordination = "utm.strategic_coordination";
    public const string ConstraintManagement = "utm.constraint_management";
    public const string ConstraintProcessing = "utm.constraint_processing";
    public const string ConformanceMonitoring = "utm.conformance_monitoring_sa";
    public const string AvailabilityArbitration = "utm.availability_arbitration";

    public static readonly IReadOnlyList<string> All =
        [StrategicCoordination, ConstraintManagement, ConstraintProcessing, ConformanceMonitoring, AvailabilityArbitration];
}
