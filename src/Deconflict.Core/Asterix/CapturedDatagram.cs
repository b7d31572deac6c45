namespace Deconflict.Core.Asterix;

/// <summary>One UDP payload from a capture (or one block of a raw file), with the capture time when the file has one (NaN otherwise).</summary>
public readonly record struct CapturedDatagram(double TimeS, int DestinationPort, ReadOnlyMemory<byte> Payload);
