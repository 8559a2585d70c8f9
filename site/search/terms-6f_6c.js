tracebriefSearch.terms("ol",{"olaf":"5,l"});
