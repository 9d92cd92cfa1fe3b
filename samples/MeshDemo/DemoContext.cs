using MeshDemo.Registries;
using MeshDemo.Reporting;

namespace MeshDemo;

/// <summary>What a scenario runs with: the parsed options, the registry the hosts share, the report output and the clock.</summary>
internal sealed record DemoContext(DemoOptions Options, IDemoRegistry Registry, ReportWriter Writer, TimeProvider Time);
