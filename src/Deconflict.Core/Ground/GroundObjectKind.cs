namespace Deconflict.Core.Ground;

/// <summary>What a ground hit concerns.</summary>
public enum GroundObjectKind
{
    Site,
    Movement,
}
