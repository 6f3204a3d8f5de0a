// What every tier expects of the sample (test/fixtures/lca2016.notes): unit, protocol, Neovim,
// the code-server workbench and @vscode/test-electron all assert these same facts.
module.exports = {
  SAMPLE_OUTLINE: {
    days: ['Friday', 'Thursday', 'Wednesday', 'Sysadmin Miniconf'],
    fridaySessions: ['Session 3', 'Session 2', 'Session 1'],
    firstSessionTalks: ['Lighting talks', 'Closing'],
    talkCount: 23,
  },
  SAMPLE_FLAGGED_LINK: { line: 8, text: 'github/steven-ellis', code: 'incomplete-link', fix: 'https://github.com/steven-ellis' },
};
