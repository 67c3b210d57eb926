@echo off
rem specgate launcher for Windows: C1 only and the serial collector for CLI runs (see bin/specgate);
rem `specgate serve` gets the default JIT and G1. No class-data-sharing archive here.
setlocal
set "SPECGATE_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
if "%~1"=="serve" (
  "%JAVA_EXE%" -XX:+UseG1GC %SPECGATE_JAVA_OPTS% -jar "%SPECGATE_HOME%\lib\specgate.jar" %*
) else (
  "%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=3 -XX:+UseSerialGC -XX:-UsePerfData %SPECGATE_JAVA_OPTS% -jar "%SPECGATE_HOME%\lib\specgate.jar" %*
)
exit /b %ERRORLEVEL%
