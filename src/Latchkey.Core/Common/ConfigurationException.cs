namespace Latchkey.Core.Common;

/// <summary>
/// A setting the server cannot start with. The message names the setting, says what is wrong and how to fix
/// it, in one line: the host prints it as it is and exits 1, with no stack trace (it is not a bug).
/// </summary>
public sealed class ConfigurationException(string message) : Exception(message);
