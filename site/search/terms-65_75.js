tracebriefSearch.terms("eu",{"european":"0,8"});
