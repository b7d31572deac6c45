// Tests that start servers or databases share a 2-core machine: at most two run at once.
[assembly: Xunit.v3.Parallelization(MaxThreads = 2)]
[assembly: AssemblyFixture(typeof(Deconflict.Hub.Tests.Hosting.PostgresClusterLifetime))]
