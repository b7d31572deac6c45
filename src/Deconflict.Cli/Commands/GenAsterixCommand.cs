using System.CommandLine;
using System.IO.Compression;
using Deconflict.Core.Asterix;
using Deconflict.Core.Surveillance;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict gen asterix --reports FILE.csv --cat 21|48|62 --out FILE.pcap|FILE.ast</c>: a reports
/// recording as an ASTERIX feed, one datagram (data block) per report time, as a pcap capture
/// (UDP on 127.0.0.1:PORT) or a raw file of blocks; with <c>--no-address</c> the records carry track numbers only.
/// </summary>
internal static class GenAsterixCommand
{
    public static Command Create()
    {
        var reports = new Option<string>("--reports") { Description = "Reports CSV (t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm); .gz is decompressed", Required = true, HelpName = "FILE.csv" };
        var category = new Option<int>("--cat") { Description = "ASTERIX category: 21 (ADS-B), 62 (system tracks) or 48 (radar plots)", DefaultValueFactory = _ => 21 };
        var output = new Option<string>("--out") { Description = "File to write: .pcap (libpcap capture) or raw data blocks (any other name)", Required = true };
        var sac = new Option<int>("--sac") { Description = "System Area Code of the source", DefaultValueFactory = _ => 0 };
        var sic = new Option<int>("--sic") { Description = "System Identification Code of the source", DefaultValueFactory = _ => 1 };
        var radar = new Option<string?>("--radar") { Description = "CAT048: the radar's position LAT,LON[,HEIGHT_FT]", HelpName = "LAT,LON[,H]" };
        var port = new Option<int>("--port") { Description = "UDP port in the pcap", DefaultValueFactory = _ => 8600 };
        var noAddress = new Option<bool>("--no-address") { Description = "Write no aircraft addresses, only track numbers (a radar or tracker without Mode S)" };
        var command = new Command("asterix", "Write a reports recording as an ASTERIX CAT021, CAT062 or CAT048 feed (pcap or raw).")
        {
            reports, category, output, sac, sic, radar, port, noAddress,
        };
        command.SetAction(int (parse) => Run(parse.GetValue(reports)!, parse.GetValue(category), parse.GetValue(output)!,
            parse.GetValue(sac), parse.GetValue(sic), parse.GetValue(radar), parse.GetValue(port), parse.GetValue(noAddress)));
        return command;
    }

    internal static int Run(string reportsPath, int category, string outPath, int sac, int sic, string? radarText, int port, bool noAddress = false)
    {
        if (category is not (21 or 48 or 62))
        {
            throw new InputException($"option '--cat': {category} must be 21, 48 or 62");
        }
        if (sac is < 0 or > 255 || sic is < 0 or > 255)
        {
            throw new InputException("options '--sac'/'--sic': must be 0 to 255");
        }
        if (port is < 1 or > 65535)
        {
            throw new InputException("option '--port': must be 1 to 65535");
        }
        RadarSite? radar = null;
        if (radarText is not null)
        {
            if (!RadarSite.TryParse(radarText, out var site, out var problem))
            {
                throw new InputException($"option '--radar': '{radarText}': {problem}");
            }
            radar = site;
        }
        if (category == 48 && radar is null)
        {
            throw new InputException("option '--radar': CAT048 plots need the radar's position");
        }
        var encoder = new AsterixEncoder(category, sac, sic, radar);
        using var input = new FileStream(reportsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Stream text = reportsPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(input, CompressionMode.Decompress) : input;
        using var reader = new PositionReportCsvReader(new StreamReader(text, bufferSize: 1 << 16));
        using var output = File.Create(outPath);
        // The pcap writer owns the file when there is one.
        var pcap = outPath.EndsWith(".pcap", StringComparison.OrdinalIgnoreCase) ? new PcapWriter(output, port) : null;
        var blockTime = double.NaN;
        void Write(ReadOnlyMemory<byte> block)
        {
            if (pcap is not null)
            {
                pcap.Write(blockTime, block.Span);
            }
            else
            {
                output.Write(block.Span);
            }
        }
        try
        {
            foreach (var r in reader.ReadReports())
            {
                if (double.IsNaN(r.LatDeg) || double.IsNaN(r.LonDeg))
                {
                    continue;
                }
                if (r.TimeS != blockTime)
                {
                    encoder.Flush(Write);
                    blockTime = r.TimeS;
                }
                // An id that is no six-digit hex number gets a track number and no address.
                encoder.Add(noAddress ? r with { Id = "#" + r.Id } : r, Write);
            }
            encoder.Flush(Write);
        }
        catch (ReportFormatException e)
        {
            throw InputException.At(reportsPath, e.Line, e.Field, e.Message);
        }
        pcap?.Dispose();
        return 0;
    }
}
