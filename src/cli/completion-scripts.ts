// The shell completion scripts: each asks `orgsim __complete "<line up to the cursor>"` (complete.ts).

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function completionScript(shell: string): string | undefined {
  switch (shell) {
    case 'bash':
      return [
        '# orgsim completion for bash: source <(orgsim completion bash)',
        '_orgsim_complete() {',
        '  local IFS=$\'\\n\' cur="${COMP_WORDS[COMP_CWORD]}"',
        '  local line="${COMP_LINE:0:COMP_POINT}"',
        '  local -a found=($(orgsim __complete "$line" 2>/dev/null))',
        '  local word=${line##*[[:space:]]}',
        '  # bash splits words at = and :, so hand back only what follows the last of them',
        '  local strip=$(( ${#word} - ${#cur} ))',
        '  COMPREPLY=()',
        '  local c',
        '  for c in "${found[@]}"; do',
        '    COMPREPLY+=("${c:strip}")',
        '    if [[ $c == *= ]]; then compopt -o nospace 2>/dev/null || true; fi',
        '  done',
        '  return 0',
        '}',
        'complete -o default -F _orgsim_complete orgsim',
        '',
      ].join('\n');
    case 'zsh':
      return [
        '# orgsim completion for zsh: source <(orgsim completion zsh)',
        '_orgsim() {',
        '  local -a found',
        '  found=("${(@f)$(orgsim __complete "$LBUFFER" 2>/dev/null)}")',
        '  compadd -Q -S "" -- "${found[@]}"',
        '}',
        'if (( $+functions[compdef] )); then compdef _orgsim orgsim; fi',
        '',
      ].join('\n');
    case 'fish':
      return ['# orgsim completion for fish: orgsim completion fish | source', "complete -c orgsim -f -a '(orgsim __complete (commandline -cp))'", ''].join('\n');
  }
  return undefined;
}
