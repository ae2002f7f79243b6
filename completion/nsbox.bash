# SPDX-License-Identifier: 0BSD
# The functions (completion/nsbox.bash; gen.sh puts the tables above them).  They
# need bash alone; with bash-completion loaded, a command's own arguments are
# completed through its _command_offset.

# _nsbox_reply WORD...: the words that start with $cur
_nsbox_reply() { local IFS=$'\n'; COMPREPLY+=($(compgen -W "$*" -- "$cur")); }
_nsbox_dirs() { local IFS=$'\n'; compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -d -- "$cur")); }
_nsbox_files() { local IFS=$'\n'; compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- "$cur")); }
_nsbox_pids() { local p; for p in /proc/[0-9]*; do _nsbox_reply "${p#/proc/}"; done; }
_nsbox_netns() { local n; for n in /run/netns/*; do [ -e "$n" ] && _nsbox_reply "${n##*/}"; done; }
# a comma-separated list: complete its last item, keep the rest (and lsns's leading +)
_nsbox_list() {
	local head=${cur%"${cur##*[,+]}"} w=; cur=${cur##*[,+]}
	for w; do [[ $w == "$cur"* ]] && COMPREPLY+=("$head$w"); done
	compopt -o nospace 2>/dev/null
}

# _nsbox_long APPLET OPT: the long name (--name) of OPT (-x or --name), from the table
_nsbox_long() {
	local s l k
	set -- "$2" ${_nsbox_opts[$1]}
	local opt=$1; shift
	while [ $# -ge 3 ]; do
		s=$1 l=$2 k=$3; shift 3
		if [ "$opt" = "$s" ] || [ "$opt" = "$l" ]; then
			[ "$l" = - ] && l=$s
			echo "$l $k"; return
		fi
	done
}

# _nsbox_value APPLET --LONG: complete $cur as the argument of that option
_nsbox_value() {
	case $1:$2 in
	unshare:--kill-child)
		local s p=; [[ $cur == SIG* ]] && p=SIG
		for s in $_nsbox_signals; do _nsbox_reply "$p$s"; done ;;
	unshare:--propagation) _nsbox_reply private shared slave unchanged ;;
	pivot:--propagation) _nsbox_reply private slave ;;
	unshare:--setgroups) _nsbox_reply allow deny ;;
	unshare:--map-user|unshare:--owner) COMPREPLY+=($(compgen -u -- "$cur")) ;;
	unshare:--map-group) COMPREPLY+=($(compgen -g -- "$cur")) ;;
	unshare:--map-users|unshare:--map-groups) _nsbox_reply auto subids all ;;
	unshare:--root|unshare:--wd|unshare:--mount-proc|unshare:--mount-binfmt|nsenter:--root|\
	nsenter:--wd|nsenter:--wdns|pivot:--keep-old) _nsbox_dirs ;;
	unshare:--whitelist-env) _nsbox_list $(compgen -e) ;;
	unshare:--load-interp|nsenter:--net-socket) ;;
	nsenter:--target|lsns:--task) _nsbox_pids ;;
	nsenter:--setuid|nsenter:--setgid) _nsbox_reply follow ;;
	nsenter:--net)
		local n; for n in /run/netns/*; do [ -e "$n" ] && _nsbox_reply "$n"; done; _nsbox_files ;;
	lsns:--type) _nsbox_reply $_nsbox_ns ;;
	lsns:--output) _nsbox_list $_nsbox_columns ;;
	lsns:--tree) _nsbox_reply owner parent process ;;
	mkveth:--netns|mkveth:--peer-netns) _nsbox_netns ;;
	mkveth:--master)
		local b; for b in /sys/class/net/*/bridge; do [ -e "$b" ] && b=${b%/bridge} && _nsbox_reply "${b##*/}"; done ;;
	mkveth:*|lsns:*) ;;
	*) _nsbox_files ;;
	esac
}

# _nsbox_positional APPLET N WORD-INDEX: complete $cur as the applet's Nth operand
_nsbox_positional() {
	case $1:$2 in
	unshare:1|nsenter:1|init:1|pivot:2) COMPREPLY+=($(compgen -c -- "$cur")) ;;
	unshare:*|nsenter:*|init:*|pivot:[3-9]|pivot:[1-9][0-9]*)
		# the command's own arguments: its completion, when bash-completion is there
		local first=$(( $3 - $2 + 1 )); [ "$1" = pivot ] && first=$((first + 1))
		if declare -F _command_offset >/dev/null; then
			_command_offset "$first"
		else
			_nsbox_files
		fi ;;
	pivot:1|pivot_root:*|switch_root:1) _nsbox_dirs ;;
	lsns:1) local n; for n in /proc/self/ns/*; do n=$(readlink "$n") && n=${n#*[} && _nsbox_reply "${n%]}"; done ;;
	mkveth:*) local l; for l in /sys/class/net/*; do _nsbox_reply "${l##*/}"; done ;;
	*) _nsbox_files ;;
	esac
}

# _nsbox_applet APPLET FIRST: complete COMP_WORDS[FIRST..COMP_CWORD] as APPLET's arguments
_nsbox_applet() {
	local applet=$1 i=$2 w arg= nops=0 opts=1 o k
	local -a tab=(${_nsbox_opts[$applet]})
	[ -n "${_nsbox_opts[$applet]+set}" ] || return 0
	# applets that run a command stop taking options at their first operand
	local stops=; case $applet in unshare|nsenter|init|pivot|switch_root|pivot_root) stops=1 ;; esac
	for (( ; i < COMP_CWORD; i++ )); do
		w=${COMP_WORDS[i]}
		if [ -n "$arg" ]; then arg=; continue; fi
		if [ -n "$opts" ] && [ "$w" = -- ]; then opts=; continue; fi
		if [ -n "$opts" ] && [[ $w == --?* && $w != *=* ]]; then
			set -- $(_nsbox_long "$applet" "$w")
			[ "$2" = req ] && arg=$1
		elif [ -n "$opts" ] && [[ $w == -[!-]* ]]; then
			# a bundle: the first letter that takes an argument takes the rest, or the next word
			for (( k = 1; k < ${#w}; k++ )); do
				set -- $(_nsbox_long "$applet" "-${w:k:1}")
				case $2 in req) [ $((k + 1)) -eq ${#w} ] && arg=$1; break ;; opt) break ;; esac
			done
		elif [ -n "$opts" ] && [[ $w == -* ]]; then
			:
		else
			nops=$((nops + 1))
			[ -n "$stops" ] && opts=
		fi
	done
	cur=${COMP_WORDS[COMP_CWORD]}
	if [ -n "$arg" ]; then
		_nsbox_value "$applet" "$arg"
	elif [ -n "$opts" ] && [[ $cur == --*=* ]]; then
		set -- $(_nsbox_long "$applet" "${cur%%=*}")
		cur=${cur#*=}
		[ -n "$1" ] && _nsbox_value "$applet" "$1"
	elif [ -n "$opts" ] && [[ $cur == -* ]]; then
		for (( k = 0; k + 2 < ${#tab[@]}; k += 3 )); do
			for o in "${tab[k]}" "${tab[k + 1]}"; do
				[ "$o" != - ] && [[ $o == "$cur"* ]] && COMPREPLY+=("$o")
			done
		done
	else
		_nsbox_positional "$applet" "$((nops + 1))" "$COMP_CWORD"
	fi
}

_nsbox() {
	local cur=${COMP_WORDS[COMP_CWORD]} applet=${COMP_WORDS[0]##*/}
	COMPREPLY=()
	if [[ $applet != nsbox* ]]; then
		_nsbox_applet "$applet" 1
		return 0
	fi
	if [ "$COMP_CWORD" -eq 1 ]; then
		_nsbox_reply $_nsbox_applets --list --list-full --install --help --version
		return 0
	fi
	case ${COMP_WORDS[1]} in
	--help|-h) [ "$COMP_CWORD" -eq 2 ] && _nsbox_reply $_nsbox_applets ;;
	--install) [ "$COMP_CWORD" -eq 2 ] && _nsbox_reply -s; _nsbox_dirs ;;
	-*) ;;
	*) _nsbox_applet "${COMP_WORDS[1]##*/}" 2 ;;
	esac
	return 0
}

# nsbox, and each applet name whose command on PATH is nsbox: on a system that has
# util-linux's unshare first in PATH, its own completion stays.
_nsbox_register() {
	local self a p r
	self=$(type -P nsbox)
	complete -F _nsbox nsbox
	for a in $_nsbox_applets; do
		p=$(type -P "$a") || continue
		r=$(readlink -f "$p")
		if { [ -n "$self" ] && [ "$p" -ef "$self" ]; } || [ "${r##*/}" = nsbox ]; then
			complete -F _nsbox "$a"
		fi
	done
}
_nsbox_register
