namespace Latchkey.Core.Cluster;

/// <summary>Whether several nodes can share this database (PostgreSQL) or it serves one node (SQLite).</summary>
public sealed record SharedDatabase(bool IsShared);
